"""Agencies a clause names in its own sentences rather than in an annotation: "由军队各级防化业务部门负责",
"国务院办公厅是全国政务新媒体工作的主管单位", "请径向省发展改革委反映", "市政府督查室要将……作为重点督查内容". Found by
the shape of an organisation's name (it ends in 局, 委, 办公厅, 部门 …) in the sentence patterns official Chinese uses
to give a body a duty; no list of agencies."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ingest.models import Role

_ORG = (r"[\u4e00-\u9fff（）()、和及]{1,24}?(?:办公厅|办公室|委员会|总局|部门|单位|政府|中心|海关|银行|总参谋部|"
        r"(?<![全总])部|[委局厅办室署院])(?:（室）|\(室\))?")
# (pattern, role, English verb); the organisation is group "org", the verb group "verb".
_PATTERNS: list[tuple[re.Pattern[str], Role, str]] = [
    (re.compile(rf"由(?P<org>{_ORG})(?:和(?P<org2>{_ORG}))?(?P<verb>牵头|负责|统筹|统一归口管理|归口管理|主管|组织实施)"),
     "responsible", "is responsible"),
    (re.compile(rf"(?:^|[。；，,])(?P<org>{_ORG})是[^。；]{{0,30}}?(?P<verb>主管单位|主管部门|牵头单位|牵头部门|责任单位|责任主体)"),
     "responsible", "is the competent body"),
    (re.compile(rf"向(?P<org>{_ORG})(?P<verb>反映|报告|报送|咨询|备案)"), "responsible", "is the body to report to"),
    (re.compile(rf"(?:^|[。；])(?P<org>{_ORG})(?:要|应|应当)(?P<verb>[^。；，]{{0,8}})"), "responsible", "is tasked"),
]


@dataclass(frozen=True)
class InlineAgency:
    names: tuple[str, ...]
    verb: str
    verb_en: str
    role: Role
    sentence: str
    context: str = ""  # the sentence with the one before it, when it points back to it ("因此，这项工作由…")


# A sentence that points back to the one before it for its matter ("因此，这项工作由外交部和总参谋部统一归口管理").
_POINTS_BACK = re.compile(r"^(?:因此|为此|对此|同时)?[，,]?(?:这项|该项|此项|上述|这些|这一|以上|该)")


def inline_agencies(text: str, score: Callable[[str], float] | None = None) -> list[InlineAgency]:
    """Agencies given a duty in the sentences of `text`, the sentence that `score` rates highest first."""
    split = [s for s in re.split(r"(?<=[。；！？])", text) if s.strip()]
    context = {s: (split[i - 1] + s if i and _POINTS_BACK.match(s.strip()) else s) for i, s in enumerate(split)}
    sentences = sorted(split, key=lambda s: -score(context[s])) if score is not None else split
    out: list[InlineAgency] = []
    for s in sentences:
        for rx, role, verb_en in _PATTERNS:
            m = rx.search(s)
            if m:
                names = tuple(n for n in (m.group("org"), m.groupdict().get("org2")) if n)
                names = tuple(p for n in names for p in re.split(r"[、和及]", n) if len(p) >= 2)
                role = "lead" if m.group("verb") == "牵头" else role
                out.append(InlineAgency(names, m.group("verb"), "leads" if role == "lead" else verb_en, role, s,
                                        context[s]))
                break
    return out
