"""A small fake Telegram Bot API server on 127.0.0.1 for driving the real Application over HTTP.

It queues updates for getUpdates, records every call (sendMessage, answerInlineQuery, …), and
serves uploaded files for getFile / download.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import time
from dataclasses import dataclass, field

from aiohttp import web

BOT_ID = 777000
BOT_USERNAME = "SecNewsBot"


@dataclass
class Call:
    method: str
    params: dict
    at: float = field(default_factory=time.perf_counter)


class FakeBotApi:
    def __init__(self, token: str) -> None:
        self.token = token
        self.calls: list[Call] = []
        self.files: dict[str, bytes] = {}
        self._updates: list[dict] = []
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1000)
        self._new_update = asyncio.Event()
        self._new_call = asyncio.Event()
        self.pushed_at: dict[int, float] = {}
        self.pushed: dict[int, dict] = {}
        self._runner: web.AppRunner | None = None
        self.port = 0

    # ---- server --------------------------------------------------------------------------------

    async def start(self) -> None:
        app = web.Application(client_max_size=50 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._api)
        app.router.add_get("/file/bot{token}/{path:.*}", self._file)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        if self._runner:
            await self._runner.cleanup()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    @property
    def base_file_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/file/bot"

    async def _params(self, request: web.Request) -> dict:
        params: dict = {}
        if request.content_type == "application/json":
            params = await request.json()
        elif request.can_read_body:
            form = await request.post()
            for key, value in form.items():
                if isinstance(value, str):
                    try:
                        params[key] = json.loads(value)
                    except ValueError:
                        params[key] = value
        params.update(request.query)
        return params

    async def _api(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return web.json_response({"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401)
        method = request.match_info["method"]
        params = await self._params(request)
        if method != "getUpdates":
            self.calls.append(Call(method, params))
            self._new_call.set()
        handler = getattr(self, f"_m_{method}", None)
        result = await handler(params) if handler else True
        return web.json_response({"ok": True, "result": result})

    async def _file(self, request: web.Request) -> web.Response:
        data = self.files.get(request.match_info["path"])
        if data is None:
            return web.Response(status=404)
        return web.Response(body=data)

    # ---- methods -------------------------------------------------------------------------------

    async def _m_getMe(self, params: dict) -> dict:
        return {
            "id": BOT_ID,
            "is_bot": True,
            "first_name": "SecNews",
            "username": BOT_USERNAME,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": True,
        }

    async def _m_getUpdates(self, params: dict) -> list[dict]:
        offset = int(params.get("offset") or 0)
        self._updates = [u for u in self._updates if u["update_id"] >= offset]
        if not self._updates:
            self._new_update.clear()
            timeout = min(float(params.get("timeout") or 0), 1.0)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._new_update.wait(), timeout)
        return list(self._updates)

    async def _m_sendMessage(self, params: dict) -> dict:
        chat_id = int(params["chat_id"])
        return {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "group"},
            "from": {"id": BOT_ID, "is_bot": True, "first_name": "SecNews", "username": BOT_USERNAME},
            "text": params.get("text", ""),
        }

    async def _m_editMessageText(self, params: dict) -> dict:
        chat_id = int(params["chat_id"])
        return {
            "message_id": int(params["message_id"]),
            "date": int(time.time()),
            "edit_date": int(time.time()),
            "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "group"},
            "text": params.get("text", ""),
        }

    async def _m_getFile(self, params: dict) -> dict:
        file_id = params["file_id"]
        return {
            "file_id": file_id,
            "file_unique_id": file_id,
            "file_size": len(self.files.get(file_id, b"")),
            "file_path": file_id,
        }

    # ---- driving -------------------------------------------------------------------------------

    def push(self, **update: object) -> int:
        update_id = next(self._update_ids)
        self._updates.append({"update_id": update_id, **update})
        self.pushed_at[update_id] = time.perf_counter()
        self.pushed[update_id] = update
        self._new_update.set()
        return update_id

    def message(
        self,
        text: str,
        *,
        user_id: int = 1,
        chat_id: int | None = None,
        chat_type: str = "private",
        language_code: str = "vi",
        entities: list[dict] | None = None,
        reply_to: dict | None = None,
        document: dict | None = None,
    ) -> int:
        chat_id = chat_id if chat_id is not None else user_id
        msg: dict = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": chat_type, **({"title": "Group"} if chat_type != "private" else {})},
            "from": {"id": user_id, "is_bot": False, "first_name": "User", "language_code": language_code},
        }
        if document is not None:
            msg["document"] = document
        else:
            msg["text"] = text
        if text.startswith("/") and document is None:
            command = text.split()[0]
            msg["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
        if entities:
            msg["entities"] = entities
        if reply_to:
            msg["reply_to_message"] = reply_to
        return self.push(message=msg)

    def inline(self, query: str, *, user_id: int = 1, query_id: str = "q1") -> int:
        return self.push(
            inline_query={
                "id": query_id,
                "from": {"id": user_id, "is_bot": False, "first_name": "U", "language_code": "en"},
                "query": query,
                "offset": "",
            }
        )

    def upload(self, name: str, data: bytes, *, user_id: int) -> int:
        file_id = f"doc{len(self.files) + 1}"
        self.files[file_id] = data
        return self.message(
            "",
            user_id=user_id,
            document={"file_id": file_id, "file_unique_id": file_id, "file_name": name, "file_size": len(data)},
        )

    def sent(self, method: str = "sendMessage", chat_id: int | None = None) -> list[Call]:
        return [
            c
            for c in self.calls
            if c.method == method and (chat_id is None or int(c.params.get("chat_id", 0)) == chat_id)
        ]

    async def wait_for(
        self, method: str, count: int = 1, chat_id: int | None = None, timeout: float = 20.0
    ) -> list[Call]:
        deadline = time.perf_counter() + timeout
        while True:
            found = self.sent(method, chat_id)
            if len(found) >= count:
                return found
            if time.perf_counter() > deadline:
                raise AssertionError(
                    f"expected {count} {method} calls, got {len(found)}: {[c.params for c in self.calls]}"
                )
            self._new_call.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._new_call.wait(), 0.2)
