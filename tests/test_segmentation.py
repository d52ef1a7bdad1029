"""Word segmentation leaves nothing behind in the temporary directory, even in a process that is killed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SEGMENT_THEN_WAIT = """
import time
from retrieval.segmentation import segment
print("|".join(segment("Thư ký Hội đồng ký kết")), flush=True)
time.sleep(60)
"""


def test_a_killed_process_leaves_no_temporary_model_files(tmp_path: Path) -> None:
    environment = {**os.environ, "TMPDIR": str(tmp_path)}
    process = subprocess.Popen(
        [sys.executable, "-c", SEGMENT_THEN_WAIT], env=environment, stdout=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "Thư ký|Hội đồng|ký kết"
    finally:
        process.kill()  # a bot stopped by its supervisor runs no finalisers
        process.wait()
    assert list(tmp_path.iterdir()) == []
