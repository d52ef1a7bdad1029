"""Domain vocabulary: partner countries and organisations, and English-to-Vietnamese expansions.

The articles are Vietnamese; English questions reach them through the dense model and, on the
lexical side, through these expansions. The partner list also lets the engine say plainly that
the articles never mention a country the user asks about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from retrieval.text import fold

# (English names, Vietnamese names). A Vietnamese name written with a leading '~' is also an
# ordinary word ('Pháp' / 'pháp luật'), so a question must use it as a name (see Partner.in_question).
_PARTNERS: list[tuple[tuple[str, ...], tuple[str, ...]]] = [
    (("russia", "russian federation", "russian"), ("~Nga", "Liên bang Nga")),
    (("belarus", "belarusian", "byelorussia"), ("Belarus", "Bê-la-rút")),
    (("china", "chinese", "prc"), ("Trung Quốc",)),
    (("japan", "japanese"), ("Nhật Bản", "~Nhật")),
    (("south korea", "korea", "korean", "republic of korea"), ("Hàn Quốc",)),
    (("north korea", "dprk"), ("Triều Tiên",)),
    (("united states", "usa", "u.s.", "america", "american"), ("Hoa Kỳ", "~Mỹ")),
    (("france", "french"), ("~Pháp",)),
    (("germany", "german"), ("~Đức", "CHLB Đức")),
    (("united kingdom", "uk", "britain", "british", "england"), ("Vương quốc Anh", "Anh Quốc", "nước Anh")),
    (("italy", "italian"), ("Italia", "~Ý")),
    (("spain", "spanish"), ("Tây Ban Nha",)),
    (("australia", "australian"), ("Australia", "~Úc", "Ô-xtrây-li-a")),
    (("new zealand",), ("New Zealand",)),
    (("canada", "canadian"), ("Canada",)),
    (("india", "indian"), ("Ấn Độ",)),
    (("laos", "lao", "laotian"), ("~Lào",)),
    (("cambodia", "cambodian"), ("Campuchia",)),
    (("thailand", "thai"), ("Thái Lan",)),
    (("singapore",), ("Singapore", "Xinh-ga-po")),
    (("malaysia",), ("Malaysia",)),
    (("indonesia",), ("Indonesia",)),
    (("philippines", "philippine"), ("Philippines",)),
    (("myanmar", "burma"), ("Myanmar",)),
    (("brunei",), ("Brunei",)),
    (("timor-leste", "east timor"), ("Timor-Leste", "Đông Timor")),
    (("mongolia",), ("Mông Cổ",)),
    (("kazakhstan",), ("Kazakhstan",)),
    (("uzbekistan",), ("Uzbekistan",)),
    (("kyrgyzstan",), ("Kyrgyzstan",)),
    (("tajikistan",), ("Tajikistan",)),
    (("turkmenistan",), ("Turkmenistan",)),
    (("azerbaijan",), ("Azerbaijan",)),
    (("armenia",), ("Armenia",)),
    (("iran", "iranian"), ("Iran",)),
    (("iraq",), ("Iraq",)),
    (("israel",), ("Israel",)),
    (("turkey", "turkiye"), ("Thổ Nhĩ Kỳ",)),
    (("saudi arabia",), ("Ả Rập Xê Út", "Saudi Arabia")),
    (("united arab emirates", "uae"), ("UAE", "Các Tiểu vương quốc Ả Rập Thống nhất")),
    (("qatar",), ("Qatar",)),
    (("egypt",), ("Ai Cập",)),
    (("south africa",), ("Nam Phi",)),
    (("mozambique",), ("Mozambique",)),
    (("angola",), ("Angola",)),
    (("nigeria",), ("Nigeria",)),
    (("algeria",), ("Algeria",)),
    (("cuba", "cuban"), ("Cuba",)),
    (("nicaragua",), ("Nicaragua",)),
    (("venezuela",), ("Venezuela",)),
    (("brazil", "brazilian"), ("Brazil", "Braxin")),
    (("argentina",), ("Argentina",)),
    (("chile",), ("Chile",)),
    (("mexico",), ("Mexico", "Mê-hi-cô")),
    (("netherlands", "dutch", "holland"), ("Hà Lan",)),
    (("belgium",), ("~Bỉ",)),
    (("sweden", "swedish"), ("Thụy Điển",)),
    (("norway",), ("Na Uy",)),
    (("finland",), ("Phần Lan",)),
    (("denmark",), ("Đan Mạch",)),
    (("poland",), ("Ba Lan",)),
    (("czech republic", "czechia", "czech"), ("Cộng hòa Séc", "~Séc")),
    (("hungary",), ("Hungary",)),
    (("romania",), ("Romania", "Rumani")),
    (("bulgaria",), ("Bulgaria",)),
    (("serbia",), ("Serbia",)),
    (("ukraine",), ("Ukraine", "Ucraina")),
    (("switzerland", "swiss"), ("Thụy Sĩ",)),
    (("austria",), ("~Áo",)),
    (("portugal",), ("Bồ Đào Nha",)),
    (("greece",), ("Hy Lạp",)),
    (("pakistan",), ("Pakistan",)),
    (("bangladesh",), ("Bangladesh",)),
    (("sri lanka",), ("Sri Lanka",)),
    (("european union", "eu"), ("Liên minh châu Âu", "EU")),
    (("asean",), ("ASEAN",)),
    (("interpol",), ("INTERPOL",)),
    (("europol",), ("Europol",)),
]

# Words that, after an ambiguous name, show it is an ordinary word: 'pháp luật', 'Ý định', 'áo giáp'.
_NOT_A_NAME_AFTER = {
    "phap": {"luat", "ly", "che", "quyen", "dinh", "nhan", "y", "dien", "lenh"},
    "y": {"dinh", "kien", "nghia", "thuc", "chi", "tuong", "te"},
    "ao": {"giap", "mua", "dai", "quan"},
    "duc": {"tinh"},
    "lao": {"dong", "dao"},
    "nga": {"ba", "nghieng", "xuong"},
    "my": {"thuat", "pham", "man"},
    "nhat": {"tri", "dinh", "la", "the", "quan", "thiet"},
    "uc": {"che"},
}
# Words that, before an ambiguous name, show a country is meant: 'với Pháp', 'nước Nga'.
_NAME_CUES = {
    "voi",
    "nuoc",
    "cua",
    "va",
    "tai",
    "sang",
    "den",
    "tham",
    "phia",
    "ban",
    "hoa",
    "bo",
    "giua",
    "bang",
    "vu",
    "quoc",
}


@dataclass(frozen=True)
class Partner:
    name: str  # English display name
    en_names: tuple[str, ...]
    vi_names: tuple[str, ...]  # without the '~' marker
    ambiguous: frozenset[str]  # folded Vietnamese names that are also ordinary words

    @cached_property
    def _text_re(self) -> re.Pattern[str]:
        alternatives = "|".join(re.escape(n) for n in sorted(self.vi_names, key=len, reverse=True))
        return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")

    def in_text(self, normalised_text: str) -> bool:
        """Whether an article names this partner (case-sensitive: names are capitalised in Vietnamese)."""
        return any(self._is_name_use(normalised_text, m) for m in self._text_re.finditer(normalised_text))

    def _is_name_use(self, text: str, m: re.Match[str]) -> bool:
        folded = fold(m.group(0))
        if folded not in self.ambiguous:
            return True
        following = fold(text[m.end() : m.end() + 12]).split()
        if following and following[0] in _NOT_A_NAME_AFTER.get(folded, set()):
            return False
        # after a capitalised given name it is part of a person's name ('Minh Đức'), unless a cue ('Phía Nga')
        previous = text[max(0, m.start() - 15) : m.start()].split()
        return not (previous and previous[-1][:1].isupper() and fold(previous[-1]) not in _NAME_CUES)

    def in_question(self, question: QuestionWords) -> bool:
        """Whether a question (any language, diacritics or not) asks about this partner."""
        tokens = question.folded
        if any(f" {name} " in question.text for name in self.en_names):
            return True
        for name in self.vi_names:
            folded = fold(name)
            if folded not in self.ambiguous:
                if f" {folded} " in question.text:
                    return True
                continue
            for i, tok in enumerate(tokens):
                if tok != folded or (i + 1 < len(tokens) and tokens[i + 1] in _NOT_A_NAME_AFTER.get(folded, set())):
                    continue
                capitalised = 0 < i < len(question.raw) and question.raw[i][:1].isupper()
                if capitalised or (i > 0 and tokens[i - 1] in _NAME_CUES):
                    return True
        return False


@dataclass(frozen=True)
class QuestionWords:
    """A question split once for all partner checks: folded tokens, as typed, and ' joined '."""

    folded: list[str]
    raw: list[str]
    text: str

    @classmethod
    def of(cls, question: str) -> QuestionWords:
        folded = re.findall(r"[\w.\-]+", fold(question))  # "japan's" -> 'japan', 's'
        return cls(folded, re.findall(r"[\w.\-]+", question), " " + " ".join(folded) + " ")


def _build_partners() -> list[Partner]:
    partners = []
    for en, vi in _PARTNERS:
        clean = tuple(n.lstrip("~") for n in vi)
        ambiguous = frozenset(fold(n[1:]) for n in vi if n.startswith("~"))
        display = " ".join(w.capitalize() if len(w) > 3 else w.upper() for w in en[0].split())
        partners.append(Partner(display, en, clean, ambiguous))
    return partners


PARTNERS: list[Partner] = _build_partners()


def partners_in_text(normalised_text: str) -> set[str]:
    return {p.name for p in PARTNERS if p.in_text(normalised_text)}


def partners_in_question(question: str) -> set[str]:
    prepared = QuestionWords.of(question)
    return {p.name for p in PARTNERS if p.in_question(prepared)}


def vietnamese_name(partner: str) -> str:
    for p in PARTNERS:
        if p.name == partner:
            return p.vi_names[0] if fold(p.vi_names[0]) not in p.ambiguous or len(p.vi_names) == 1 else p.vi_names[1]
    return partner


# English phrase -> Vietnamese phrases, for the lexical side of English questions.
EN_TO_VI: dict[str, tuple[str, ...]] = {
    "ministry of public security": ("Bộ Công an",),
    "public security": ("công an",),
    "mps": ("Bộ Công an",),
    "police": ("cảnh sát", "công an"),
    "ministry of internal affairs": ("Bộ Nội vụ",),
    "ministry of interior": ("Bộ Nội vụ",),
    "interior ministry": ("Bộ Nội vụ",),
    "interior": ("Nội vụ",),
    "internal affairs": ("Nội vụ",),
    "ministry of justice": ("Bộ Tư pháp",),
    "justice": ("Tư pháp",),
    "foreign affairs": ("Ngoại giao",),
    "foreign ministry": ("Bộ Ngoại giao",),
    "defence": ("quốc phòng",),
    "defense": ("quốc phòng",),
    "security council": ("Hội đồng An ninh",),
    "state secretariat": ("Ban Thư ký nhà nước",),
    "secretariat": ("Ban Thư ký",),
    "secretary": ("Thư ký",),
    "kgb": ("Ủy ban An ninh Quốc gia",),
    "state security committee": ("Ủy ban An ninh Quốc gia",),
    "national security": ("an ninh quốc gia",),
    "security": ("an ninh",),
    "ministry": ("Bộ",),
    "minister": ("Bộ trưởng",),
    "deputy minister": ("Thứ trưởng",),
    "vice minister": ("Thứ trưởng",),
    "prime minister": ("Thủ tướng",),
    "president": ("Chủ tịch", "Tổng thống"),
    "general secretary": ("Tổng Bí thư",),
    "chairman": ("Chủ tịch",),
    "director": ("Giám đốc",),
    "official": ("lãnh đạo", "Thứ trưởng", "quan chức"),
    "officials": ("lãnh đạo", "quan chức"),
    "general": ("Đại tướng", "Thượng tướng"),
    "delegation": ("Đoàn đại biểu",),
    "memorandum of understanding": ("Bản ghi nhớ",),
    "memorandum": ("Bản ghi nhớ", "ghi nhớ"),
    "mou": ("Bản ghi nhớ",),
    "agreement": ("Hiệp định", "Thỏa thuận"),
    "agreements": ("Hiệp định", "Thỏa thuận", "văn kiện"),
    "treaty": ("Hiệp định",),
    "convention": ("Công ước",),
    "letter of intent": ("Ý định thư",),
    "plan": ("Kế hoạch",),
    "roadmap": ("Lộ trình",),
    "document": ("văn bản", "văn kiện"),
    "documents": ("văn bản", "văn kiện"),
    "cooperation": ("hợp tác",),
    "cooperate": ("hợp tác",),
    "partnership": ("Đối tác",),
    "strategic partnership": ("Đối tác Chiến lược",),
    "comprehensive": ("toàn diện",),
    "relations": ("quan hệ",),
    "relationship": ("quan hệ",),
    "diplomatic relations": ("quan hệ ngoại giao",),
    "sign": ("ký", "ký kết"),
    "signed": ("ký", "ký kết"),
    "signing": ("ký", "ký kết"),
    "meet": ("gặp", "hội đàm", "tiếp"),
    "met": ("gặp", "hội đàm", "tiếp"),
    "meeting": ("hội đàm", "gặp", "hội nghị"),
    "talks": ("hội đàm",),
    "received": ("tiếp",),
    "receive": ("tiếp",),
    "visit": ("thăm", "chuyến thăm"),
    "visited": ("thăm",),
    "discuss": ("trao đổi", "thảo luận", "hội đàm"),
    "discussed": ("trao đổi", "thảo luận", "hội đàm"),
    "propose": ("đề nghị", "đề xuất"),
    "proposed": ("đề nghị", "đề xuất"),
    "ask": ("đề nghị",),
    "asked": ("đề nghị",),
    "agree": ("thống nhất", "nhất trí"),
    "agreed": ("thống nhất", "nhất trí"),
    "upgrade": ("nâng cấp", "nâng tầm"),
    "upgraded": ("nâng cấp", "nâng tầm"),
    "expand": ("mở rộng",),
    "strengthen": ("tăng cường",),
    "conference": ("Hội nghị",),
    "ceremony": ("Lễ",),
    "against": ("chống", "phòng, chống"),
    "combat": ("chống", "đấu tranh"),
    "fight": ("đấu tranh", "chống"),
    "establish": ("thiết lập", "thành lập"),
    "established": ("thiết lập", "thành lập"),
    "say": ("khẳng định", "nhấn mạnh", "cho biết"),
    "said": ("khẳng định", "nhấn mạnh", "cho biết"),
    "working group": ("Nhóm công tác",),
    "take place": ("diễn ra", "tại"),
    "took place": ("diễn ra", "tại"),
    "held": ("diễn ra", "tổ chức", "tại"),
    "hold": ("tổ chức",),
    "consultation": ("tham vấn",),
    "co-chaired": ("đồng chủ trì",),
    "co-chair": ("đồng chủ trì",),
    "chaired": ("chủ trì",),
    "crime": ("tội phạm",),
    "crimes": ("tội phạm",),
    "criminals": ("tội phạm",),
    "drug": ("ma túy",),
    "drugs": ("ma túy",),
    "narcotics": ("ma túy",),
    "terrorism": ("khủng bố",),
    "cybercrime": ("tội phạm mạng",),
    "cyber": ("mạng",),
    "cybersecurity": ("an ninh mạng",),
    "information security": ("an ninh thông tin",),
    "high-tech crime": ("tội phạm công nghệ cao",),
    "high-tech": ("công nghệ cao",),
    "technology": ("công nghệ",),
    "human trafficking": ("mua bán người",),
    "trafficking": ("buôn bán", "mua bán"),
    "smuggling": ("buôn lậu", "vận chuyển trái phép"),
    "wildlife": ("động vật hoang dã",),
    "transnational": ("xuyên quốc gia",),
    "extradition": ("dẫn độ",),
    "extradite": ("dẫn độ",),
    "sentenced persons": ("người bị kết án phạt tù",),
    "prisoners": ("người bị kết án phạt tù",),
    "mutual legal assistance": ("tương trợ tư pháp",),
    "training": ("đào tạo",),
    "exchange": ("trao đổi",),
    "officers": ("cán bộ",),
    "staff": ("cán bộ",),
    "personnel": ("cán bộ",),
    "fire": ("phòng cháy chữa cháy",),
    "rescue": ("cứu hộ", "cứu nạn"),
    "climate change": ("biến đổi khí hậu",),
    "data": ("dữ liệu",),
    "ai": ("AI", "trí tuệ nhân tạo"),
    "artificial intelligence": ("trí tuệ nhân tạo",),
    "telecommunications": ("viễn thông",),
    "mobile": ("di động",),
    "network": ("mạng", "mạng lưới"),
    "networks": ("mạng", "mạng lưới"),
    "transfer": ("chuyển giao",),
    "equipment": ("phương tiện", "thiết bị"),
    "law enforcement": ("thực thi pháp luật",),
    "hanoi": ("Hà Nội",),
    "ha noi": ("Hà Nội",),
    "moscow": ("Moskva", "Mátxcơva"),
    "minsk": ("Minsk",),
    "baku": ("Baku",),
    "beijing": ("Bắc Kinh",),
    "vietnam": ("Việt Nam",),
    "viet nam": ("Việt Nam",),
    "vietnamese": ("Việt Nam",),
    "international": ("quốc tế",),
    "sidelines": ("bên lề",),
    "first": ("thứ nhất", "lần đầu"),
    "13th": ("lần thứ 13",),
    "leaders": ("lãnh đạo",),
    "countries": ("nước", "quốc gia"),
    "fields": ("lĩnh vực",),
    "areas": ("lĩnh vực",),
    "company": ("Công ty", "Tập đoàn"),
}
for _partner in PARTNERS:
    for _en in _partner.en_names:
        EN_TO_VI.setdefault(_en, _partner.vi_names)

_EN_PHRASES_RE = re.compile(
    r"(?<![\w-])(" + "|".join(re.escape(k) for k in sorted(EN_TO_VI, key=len, reverse=True)) + r")(?![\w-])"
)

EN_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "with",
        "by",
        "from",
        "about",
        "into",
        "over",
        "after",
        "before",
        "between",
        "and",
        "or",
        "but",
        "not",
        "no",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "do",
        "does",
        "did",
        "done",
        "has",
        "have",
        "had",
        "having",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "what",
        "which",
        "who",
        "whom",
        "whose",
        "when",
        "where",
        "why",
        "how",
        "that",
        "this",
        "these",
        "those",
        "it",
        "its",
        "they",
        "them",
        "their",
        "there",
        "here",
        "as",
        "than",
        "then",
        "so",
        "such",
        "any",
        "anything",
        "some",
        "something",
        "all",
        "both",
        "each",
        "other",
        "more",
        "most",
        "much",
        "many",
        "vietnam's",
        "country's",
        "i",
        "you",
        "he",
        "she",
        "we",
        "me",
        "my",
        "your",
        "his",
        "her",
        "our",
        "us",
        "please",
        "tell",
        "show",
        "give",
        "list",
        "find",
        "s",
        "also",
        "only",
        "just",
        "very",
        "up",
        "out",
        "if",
        "whether",
        "ever",
        "yet",
    ]
)


def expand_english(question: str) -> tuple[list[tuple[str, ...]], list[str]]:
    """(Vietnamese renderings of each known English term, leftover English words such as names)."""
    folded = fold(question).replace("’", "'")
    folded = re.sub(r"'s\b", "", folded)
    phrases = [EN_TO_VI[m.group(1)] for m in _EN_PHRASES_RE.finditer(folded)]
    leftover_text = _EN_PHRASES_RE.sub(" ", folded)
    leftovers = [w for w in re.findall(r"\w+", leftover_text) if w not in EN_STOPWORDS and not w.isdigit()]
    return phrases, leftovers
