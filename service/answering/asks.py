"""Details a question asks for that only a clause stating them can answer: a law or document named by title
(《数据安全法》, "the Foreign Investment Law"), particulars (application materials, steps, an address, a phone
number), and the measure word of a count (多少项任务 wants a number of 项, not 6个城市). Each is a constraint the
evidence check holds a clause to; none names a place, an agency or a notice."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

_TITLE_ZH = re.compile(r"《([^》]{2,40})》")
_LAW_EN = re.compile(r"\b((?:[A-Z][\w'-]*\s+){1,6}(?:Law|Act|Regulations?|Ordinance|Code|Convention|Treaty))\b")
# Particulars: the word asked (as the question may say it) -> the words a clause stating it would print.
PARTICULARS_ZH = {
    "材料": ("材料",), "手续": ("手续",), "流程": ("流程", "程序", "步骤"), "程序": ("程序", "流程"),
    "步骤": ("步骤", "流程"), "窗口": ("窗口",), "地址": ("地址", "路", "号"), "电话": ("电话",), "网址": ("网址", "网站"),
    "联系方式": ("联系方式", "电话"), "条件": ("条件",), "资格": ("资格", "条件"), "费用": ("费用", "收费", "元"),
    "学费": ("学费",), "罚款": ("罚款", "处罚"), "营业时间": ("营业时间",), "开放时间": ("开放时间",),
    # People in a role the task annotations do not name (牵头/配合/指导/责任 units are not a 召集人 or a 联系人).
    "召集人": ("召集人",), "联系人": ("联系人", "电话"), "组长": ("组长",),
    # How often: a clause saying 定期 does not say 每月.
    "频次": ("每月", "每个月", "每周", "每季度", "每半年", "每年", "月度", "季度", "年度", "每两年"),
    # An official, not a unit: a task's 责任领导 field or an official its annotation names (分管副省长).
    "责任领导": tuple(f"{duty}{level}领导" for duty in ("责任", "负责", "牵头", "分管", "联系", "包保", "挂钩")
                  for level in ("", "省", "市", "区", "县")) + ("副省长", "副市长", "副县长", "副区长", "省长", "市长",
                                                               "县长", "区长"),
    # A person answerable for a task (责任人), printed as one or as an official; units named for it are not one.
    "责任人": ("责任人", "负责人", "责任领导", "牵头领导", "分管领导", "联系领导", "包保领导", "挂钩领导"),
}
# Question wordings of a particular that is not printed as such (每个月开一次 asks for 频次).
_PARTICULAR_CUES_ZH = [(re.compile(r"每个?月|每周|每季度?|每年|多久(一次|开)|多长时间(一次|开)|几次|频次|频率"), "频次"),
                       (re.compile(r"哪位(?:[省市区县])?领导|哪个领导|(?:[省市区县])领导是谁|由哪位"), "责任领导")]
PARTICULARS_EN = [
    (re.compile(r"\b(documents? (needed|required|to submit)|paperwork|application materials?)\b", re.I), "材料"),
    (re.compile(r"\b(procedures?|steps|process for|how (do|can|should) (i|we) apply)\b", re.I), "流程"),
    (re.compile(r"\b(conditions?|eligib\w*|qualif\w*|criteria)\b", re.I), "条件"),
    # asked for, not words of the topic: "an overseas phone carrier", "to address the backlog"
    (re.compile(r"\b(the|an|its|their|office|street|postal|mailing) address(es)?\b|\baddress(es)? (of|for)\b", re.I),
     "地址"),
    (re.compile(r"\b(phone|telephone) (numbers?|nos?\b|lines?)|\bhotlines?\b|\bnumbers? to call\b", re.I), "电话"),
    (re.compile(r"\b(website|url|web address)\b", re.I), "网址"),
    (re.compile(r"\bcontact\b", re.I), "联系方式"),
    (re.compile(r"\b(fees?|tuition)\b|(?<!in )(?<!take )(?<!takes )(?<!taking )(?<!took )(?<!overall )(?<!full )"
                r"\bcharges?\b(?! of)", re.I), "费用"),  # not "in charge of", "take overall charge"
    (re.compile(r"\b(fines?|penalt(y|ies))\b", re.I), "罚款"),
    (re.compile(r"\b(opening|business|office) hours\b", re.I), "营业时间"),
    (re.compile(r"\b(convener|convenor|chair(man|woman|person)?|head of the (group|office|team))\b", re.I), "召集人"),
    (re.compile(r"\bcontact (person|people|name)\b", re.I), "联系人"),
    (re.compile(r"\bhow often\b|\b(monthly|weekly|quarterly|annually|every (month|week|quarter|year))\b", re.I), "频次"),
    (re.compile(r"\b(responsible|accountable|leading|county|city|district|provincial|municipal)\s+(leader|official)s?\b|"
                r"\bwhich (leader|official)s?\b|\bofficials? in charge\b", re.I), "责任领导"),
    (re.compile(r"\b(person|people|individuals?) (responsible|in charge|accountable)\b|"
                r"\bresponsible (person|people|individuals?)\b", re.I), "责任人"),
]
# What an English rendering says for the same particulars.
PARTICULARS_EN_WORDS = {"材料": ("material", "document"), "流程": ("procedure", "process", "step"),
                        "条件": ("condition", "eligib", "qualif", "criteri", "threshold"), "地址": ("address",),
                        "电话": ("phone",), "网址": ("website",), "联系方式": ("contact",),
                        "费用": ("fee", "charge", "cost"), "罚款": ("fine", "penalt"), "营业时间": ("hours",),
                        "召集人": ("convene", "chair"), "联系人": ("contact",),
                        "组长": ("head of", "leader of"), "责任领导": ("official in charge", "leader"),
                        "责任人": ("person responsible", "person in charge", "responsible person"),
                        "频次": ("monthly", "weekly", "quarterly", "annual",
                                                            "every month", "every year", "each year")}
# "Which banks…", "哪些医院…": the question wants named ones, and a clause saying "支持银行…" names none.
_ENTITIES = {"bank": "银行", "hospital": "医院", "university": "大学", "universities": "大学", "college": "高校",
             "company": "公司", "companies": "公司", "enterprise": "企业", "firm": "企业", "merchant": "商户",
             "shop": "商户", "store": "商户", "school": "学校", "carrier": "运营商", "operator": "运营商"}
# "哪些企业可以申请", "Which companies are eligible": who may, which a clause says without naming one.
_ELIGIBLE = re.compile(r"可以|能否|能不能|可否|申请|符合|条件|资格|\b(eligible|qualif\w*|can|could|may|apply|allowed)\b", re.I)
# "which overseas telecom carrier", "哪几家商业银行": a few words may say what kind of one.
_ENTITY_EN = re.compile(r"\b(?:which|what)\s+(?:[a-z-]+\s+){0,3}?(" + "|".join(_ENTITIES) + r")(?:e?s)?\b", re.I)
_ENTITY_ZH = re.compile(r"哪(?:些|几家|几个|家|个|所|几所)(?:具体的?)?[^\s的，,。？?、]{0,4}?(银行|医院|大学|高校|公司|企业|商户|商家|学校|"
                        r"运营商)")
NAMED = "named:"  # prefix of a particular that is a named instance of an entity noun
# Common nouns jieba tags as organisation names: a kind of bank, not a bank.
_GENERIC_NAMES = frozenset("商业银行 政策性银行 外资银行 中资银行 民营银行 村镇银行 开发性银行 医疗机构 公立医院 民营医院 高等院校 "
                           "科研院所 外资企业 民营企业 国有企业 龙头企业 中小企业".split())
# Measure words a count is asked and printed with (多少根充电桩 → 260根): the general classifiers, not a notice's;
# and an ordinal's (第几版 → 第九版).
_COUNTER_ZH = re.compile(r"(?<!第)(?:多少|几)(?:万|千|百)?(平方米|平方公里|公里|千米|项|家|所|条|名|位|座|批|类|种|户|支|套|次|"
                         r"人|根|台|辆|张|块|间|栋|幢|处|件|场|艘|架|株|棵|亩|吨|床)|第几(版|届|批|期|轮|次)")


@dataclass(frozen=True)
class Asks:
    titles: tuple[str, ...] = ()  # laws and documents named by title that are not stored notices
    particulars: tuple[str, ...] = ()  # keys of PARTICULARS_ZH
    counter: str | None = None  # the measure word of a count question


def asked_details(text: str, zh: bool, stored_titles: list[str]) -> Asks:
    titles = [t for t in _TITLE_ZH.findall(text)] + [m.strip() for m in _LAW_EN.findall(text)]
    titles = [t for t in titles if not any(t in s or s in t for s in stored_titles if s)]
    if zh:
        particulars = [k for k in PARTICULARS_ZH if _asked_zh(k, text)] + [k for rx, k in _PARTICULAR_CUES_ZH
                                                                           if rx.search(text)]
    else:
        particulars = [key for rx, key in PARTICULARS_EN if any(_asked_en(key, m, text) for m in rx.finditer(text))]
    entity = (_ENTITY_ZH if zh else _ENTITY_EN).search(text)
    if entity and not _ELIGIBLE.search(text):
        noun = entity.group(1) if zh else _ENTITIES[entity.group(1).lower()]
        particulars.append(NAMED + {"商家": "商户"}.get(noun, noun))
    counter = _COUNTER_ZH.search(text) if zh else None
    return Asks(tuple(dict.fromkeys(titles)), tuple(dict.fromkeys(particulars)),
                next(g for g in counter.groups() if g) if counter else None)


_ASKING_ZH = r"(?:多少|什么|哪些|哪个|哪几|哪里|哪儿|在哪|几|怎么|如何|怎样|是否|有没有|有无|谁|啥)"


def _asked_zh(key: str, text: str) -> bool:
    """Whether a particular is what the question asks ("要交什么材料", "费用是多少", "收不收费用"), not a word of its
    topic ("网上看病的费用能不能走医保，哪个部门在推" asks who, about the matter of fees)."""
    for m in re.finditer(re.escape(key), text):
        before, after = text[max(0, m.start() - 6) : m.start()], text[m.end() : m.end() + 8]
        if re.search(_ASKING_ZH + r"[\u4e00-\u9fff]{0,3}$", before) or re.match(r"[是为有要需的]{0,3}" + _ASKING_ZH, after) \
                or re.match(r"[\u4e00-\u9fff]{0,2}[？?]?$", after):
            return True
    return False


# Particulars that are as often words of a question's topic ("who leads subsidising kindergarten fees", "relaxing the
# conditions for…"): asked only when a question word comes just before them or the question ends on them.
_TOPIC_NOUNS = frozenset({"材料", "条件", "费用", "罚款"})
_ASKING_EN = re.compile(r"\b(what|which|how much|how many|any|is there|are there|list|give|tell)\b[^,;?]{0,24}$", re.I)


def _asked_en(key: str, m: re.Match[str], text: str) -> bool:
    """Whether an English particular is what the question asks ("What are the fees?", "Is there a fee for…"), not a
    word of its topic ("Which department leads subsidising kindergarten fees for low-income families?")."""
    if key not in _TOPIC_NOUNS:
        return True
    return bool(_ASKING_EN.search(text[: m.start()])) or not re.search(r"[A-Za-z]", text[m.end() :])


def holds_title(title: str, zh_text: str, en_text: str) -> bool:
    core = re.sub(r"^(中华人民共和国|the\s+)", "", title, flags=re.I)
    return core in zh_text or (bool(en_text) and core.lower() in en_text.lower())


def states_particular(key: str, zh_text: str, en_text: str,
                      tags: Callable[[str], list[tuple[str, str]]] | None = None) -> bool:
    if key.startswith(NAMED):
        return names_one(key[len(NAMED):], zh_text, tags)
    if any(w in zh_text for w in PARTICULARS_ZH.get(key, (key,))):
        return True
    return bool(en_text) and any(w in en_text.lower() for w in PARTICULARS_EN_WORDS.get(key, ()))


def names_one(noun: str, zh_text: str, tags: Callable[[str], list[tuple[str, str]]] | None) -> bool:
    """Whether a clause names an instance of `noun` (中国银行, 杭州鼓楼医院, 东南大学): a proper name (jieba's nt, nz,
    nr, ns) holding the noun, or one within the two words before it."""
    kinds = _KINDS.get(noun, (noun,))
    if not any(k in zh_text for k in kinds):
        return False
    if tags is None:
        return True
    words = tags(zh_text)
    for i, (w, flag) in enumerate(words):
        if any(k in w for k in kinds) and flag in ("nt", "nz") and w not in _GENERIC_NAMES and w not in kinds:
            return True
        if w in kinds and any(f in ("ns", "nr", "nz", "nt") for _, f in words[max(0, i - 2) : i]):
            return True
    return False


# A school may be named as a university, a company as a group.
_KINDS = {"学校": ("学校", "大学", "学院", "高校", "中学", "小学"), "大学": ("大学", "学院", "高校"),
          "高校": ("大学", "学院", "高校"), "公司": ("公司", "集团", "企业"), "企业": ("企业", "公司", "集团"),
          "商户": ("商户", "商家", "商店"), "运营商": ("运营商", "电信", "移动", "联通")}
