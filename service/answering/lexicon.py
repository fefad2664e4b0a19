"""How questions are asked, in Chinese and English: the words that say what kind of answer is wanted (who, how
much, when, can I, which tasks), never what it is about. Nothing here names a place, a notice or an agency."""

from __future__ import annotations

import re
from functools import cache

from ingest.models import Role

I = re.I  # noqa: E741 - short alias for the flag used on every English pattern

# "Which section is responsible": a body's section asked for, not a section of the notice.
_SECTION = r"sections?(?! of the (?:notice|plan|document|table|opinion|report)s?)"
ROLE_PATTERNS: list[tuple[Role, re.Pattern[str], re.Pattern[str]]] = [
    ("lead", re.compile(r"牵头|主导|带头|领头|主抓|挂帅|牽頭|主办"),
     re.compile(r"\b(lead|leads|leading|led|take[sn]? the lead|in the lead|spearhead\w*|head(s|ing)? up|heads?|"
                r"driv(e|es|ing)|main(ly)? responsible|primar(y|ily) responsib\w*|in front)\b", I)),
    ("guide", re.compile(r"指导"), re.compile(r"\b(guid(e|es|ed|ing|ance)|supervis(e|es|ed|ing)|overs(ee|ees|eeing))\b", I)),
    ("cooperate", re.compile(r"配合|协助|协同|参与|协作|配合单位|协办"),
     re.compile(r"\b(co-?operat\w*|support(s|ing)?|assist\w*|collaborat\w*|participat\w*|work(s|ing)? with|"
                r"help(s|ing)?|back(s|ing)? up|partner\w*|join(s|ing)?|involved)\b", I)),
    ("responsible", re.compile(r"责任单位|负责|承担|主管|谁|哪个部门|哪些部门|哪个单位|哪些单位|哪家|找哪|哪个机构"),
     re.compile(r"\b(responsib\w*|accountable|in charge|handl\w*|on the hook|implement\w*|who|whom|whose|"
                r"which (agenc\w*|department\w*|bureau\w*|bod(y|ies)|units?|authorit\w*|offices?|government|" + _SECTION +
                r"))\b", I)),
]

# A role named as such, not only a verb that may mean it ("supporting foreign agencies", "work with"): asked alone, a
# task listing no unit in it does not state the answer.
_NAMED_ROLE: dict[str, tuple[re.Pattern[str], re.Pattern[str]]] = {
    "cooperate": (re.compile(r"配合|协办|协同单位|协作单位"),
                  re.compile(r"\bco-?operat\w*|\b(supporting|assisting|partner) (units?|agenc\w*|departments?|"
                             r"bod(y|ies)|bureaus?)\b", I)),
    "guide": (re.compile(r"指导"), re.compile(r"\bguid(e|es|ed|ing|ance)\b", I)),
}


def names_only_role(role: Role | None, text: str, zh: bool) -> bool:
    """Whether the question names `role` (cooperating, guiding) as such and asks no lead."""
    rx = _NAMED_ROLE.get(role or "")
    return bool(rx and rx[0 if zh else 1].search(text)) and "lead" not in roles_in(text, zh)


# Being named in a task at all, in whatever role; and the words that ask for one role only.
PARTICIPATION = re.compile(r"参与|涉及|承担|列名|挂名|\b(take[sn]? part|taking part|involved|participat\w*|named|appear\w*|"
                           r"mentioned|"
                           r"on the hook|responsible for|in charge of|handle[sd]?)\b", I)
STRICT_ROLE = re.compile(r"牵头|配合|指导|协助|主办|协办|\b(lead\w*|led|cooperat\w*|guid\w*|assist\w*|support\w*)\b", I)

ASKS_AGENCY_ZH = re.compile(r"谁|哪个部门|哪些部门|哪几个部门|哪个单位|哪些单位|哪几个单位|什么部门|什么单位|哪家|哪个机构|"
                            r"哪些机构|找哪|由哪|归哪|"
                            r"(牵头|配合|指导|责任|负责)(单位|部门|科室|处室)(还|都|分别)?(是|有)|哪个机关|哪些机关|"
                            r"(哪个|哪些|哪几个|什么)(科室|处室)")
ASKS_AGENCY_EN = re.compile(r"\bwho\b|\bwho's\b|\bwhom\b|\bwhich (\w+ ){0,2}(agenc\w*|department\w*|bureau\w*|bod(y|ies)|"
                            r"units?|authorit\w*|offices?|government\w*|regulators?|ministr\w*|organi[sz]ations?|"
                            + _SECTION + r")\b|"
                            r"\bwhat (\w+ ){0,2}(agenc\w*|department\w*|bureau\w*|bod(y|ies)|authorit\w*|offices?)\b|"
                            r"\b(lead|cooperating|responsible|guiding) (agenc\w*|units?|departments?|bod(y|ies))\b", I)
# The words naming the kind of body asked for ("which city department", "what local authorities", "哪个市级部门"):
# they say who is wanted, never what the task is about. A name among them ("which Lanzhou bureau") is the place.
ASKED_BODY_EN = re.compile(r"\b(?:which|what)\s+(?:(?-i:[a-z][\w-]*)\s+){0,2}?(?:agenc(?:y|ies)|departments?|bureaus?|bod(?:y|ies)|"
                           r"units?|authorit(?:y|ies)|offices?|governments?|regulators?|ministr(?:y|ies)|"
                           r"organi[sz]ations?|" + _SECTION + r")\b", I)
ASKED_BODY_ZH = re.compile(r"(?:哪个|哪些|哪家|哪几个|什么)(?:市级|区级|省级|县级|市直|省直|区直|政府|职能|主管|地方)?"
                           r"(?:部门|单位|机构|机关|科室|处室)")
# "牵头领导是谁": a task's person field asked for (printed beside its units), not a matter of the question.
ASKED_PERSON_ZH = re.compile(r"(?:牵头|分管|责任|包保|联系|挂钩)(?:市|区|县)?(?:领导|负责人)|(?:项目)?责任人")
# "某县局的…": a body or place left unnamed says nothing of what is asked.
# "除了各区以外，配合的市级部门有哪些", "besides the districts, which bureaus…": a body set aside is not asked about.
EXCEPT_ZH = re.compile(r"除了?[^，,。？?；;]{1,30}?(?:以外|之外|外)")
EXCEPT_EN = re.compile(r"\b(?:other than|besides|apart from|aside from|except(?: for)?|excluding|not counting)\s+"
                       r"[^,?;]{2,80}?(?=,|\?|;|$)", I)
INDEFINITE_ZH = re.compile(r"某(?:[省市区县镇乡]|个|些|家|一)?(?:局|委|办|部门|单位)?")
# "Is 区发改局 the lead unit for…": a role noun said of an agency the question names does not ask for one.
ROLE_NOUN_OF_NAMED_EN = re.compile(r"\b(the|a|as)\s+(lead|cooperating|responsible|guiding)\s+"
                                   r"(agenc\w*|units?|departments?|bod(y|ies))\b", I)

ASKS_TASKS_ZH = re.compile(r"哪些任务|哪些工作|哪些项目|哪几个项目|哪几项|哪几条|哪些条|"
                           r"(负责|牵头|配合|参与|承担|挂名)的?都?(有|是)(什么|哪些)|什么任务|什么工作|哪些事|哪些措施|哪几条措施|哪些举措|哪些目标|承担了哪些|负责哪些|牵头哪些|参与了?哪些|"
                           r"配合哪些|指导哪些|有哪些任务|都有哪些|列出|任务有哪些|工作有哪些|(?:目标|指标|措施|举措|项目|事项)有哪些|哪些试点|"
                           r"(?:负责|牵头|承担|配合)哪一?[件项个](?:事|工作|任务|项目)|"
                           r"(几|多少)(项|个|条)任务|(几|多少)项|哪一?[项条件](\w{0,8})?(任务|工作|试点|举措|措施|目标|指标|事项|实事)|哪个任务|哪些职责|有什么职责|职责(是什么|有哪些)|承担(哪些|什么)")
ASKS_TASKS_EN = re.compile(r"\bwhich of [^?,]{0,40}?\b(tasks|pilots|measures|items|projects|targets|goals)\b|"
                           r"\b(which|what) (\w+[- ]){0,2}(tasks?|pilots?|measures?|items?|work|projects?|things|areas|"
                           r"jobs|duties|responsibilities|targets?|goals?|indicators?|objectives?)\b|\blist\b|\btasks? (led|handled|guided|assigned)\b|"
                           r"\bwhat (does|do|did|will|is|are)\b.*\b(lead\w*|handl\w*|do|doing|responsible for|in charge of|"
                           r"involved in|on the hook for|cooperat\w*|support\w*|guid\w*)\b|"
                           r"\bhow many (\w+[- ]){0,2}(tasks|measures|items|projects)\b|"
                           r"'s (responsibilities|duties|remit|role)\b|\b(responsibilities|duties|remit) of\b|"
                           r"\b(involved|named|listed) in any\b", I)
# Tasks two agencies share ("市发改委和市商务局共同负责哪些任务？"): those naming every one of them.
JOINT = re.compile(r"共同|一起|联合|都(参与|负责|列名)|\b(share[sd]?|jointly|together|both)\b", I)

# Value questions: the kind of number wanted.
VALUE_ZH: list[tuple[str, re.Pattern[str]]] = [
    # where a thing is, not who runs it ("哪个区牵头" asks for a body)
    ("place", re.compile(r"(位于|坐落(在|于)?|落户(在|于)?|选址(在|于)?|建在|设在|落地(在|于)?|放在)(哪|什么地方)|"
                         r"在(哪个|哪些|什么)(区|县|市|镇|街道|园区|片区|地方)(建设|建|设立|设|落户|落地|选址)")),
    ("money", re.compile(r"多少钱|收费|费用|金额|多少(万|亿)?元|多少美元|资金(是|有)?多少|补贴(是|有)?多少|奖励.{0,6}多少|"
                         r"多少(经费|资金|预算|补助|补贴|奖金|奖补|钱款)|(经费|预算|补助)(是|有|为)?多少|"
                         r"注册资本|投资额|价格|多少费|学费|税额|罚款")),
    ("percent", re.compile(r"比例|百分之|百分比|税率|股比|占比|比重|持股|多少成|几成|上限是多少|下限是多少|要?占(?:到)?多少(?![个家项所条名位座批类种人元万亿])")),
    ("duration", re.compile(r"多久|多长时间|多长|几年|几个月|几天|多少天|多少年|期限|年限|有效期|时限|工作日|过渡期|几周")),
    ("date", re.compile(r"哪天|哪一天|几月几号|几号|什么时候|何时|哪年|哪一年|几月|哪个?月|哪个季度|什么时间|日期|时间(是|为)")),
    # 哪几个部门 asks which, not how many; 好几个部门 ("quite a few") asks nothing
    ("count", re.compile(r"多少(个|家|项|所|条|名|位|座|批|类|种|人)|(?<![哪好])几(个|家|项|所|条|名|位|座|批|类|种)|数量")),
    ("number", re.compile(r"多少|(?<![哪好])几|规模|目标|达到多|多大|多高")),
]
# "when" asking for a time, not "when researching the rules" (a conjunction before what is being done)
_WHEN = r"\bwhen\b(?!\s+[a-z]+ing\b)"
VALUE_EN: list[tuple[str, re.Pattern[str]]] = [
    # where a thing is, not who runs it ("Which district leads…" asks for a body)
    ("place", re.compile(r"\bwhere\b[^?]*\b(locat\w*|based|situat\w*|sited|hous\w*|headquarter\w*|built)\b|"
                         r"\b(which|what) (district|county|city|town|township|province|park|zone|area|place)s?\b[^?]*"
                         r"\b(locat\w*|based|situat\w*|sited|hous\w*|headquarter\w*)\b", I)),
    ("money", re.compile(r"\bhow much (money|does it cost|do(es)? \w+ (cost|charge|pay))|\b(fees?|cost|costs|price|"
                         r"subsid(y|ies)|grants?|allowance|capital|assets|funding|reward|bonus|amount of money|"
                         r"tuition|fines?|tax(es)? paid|in (rmb|yuan|dollars)|turnover|revenues?|salar(y|ies)|wages?|"
                         r"income)\b", I)),
    ("percent", re.compile(r"\b(percent|percentage|share|rate|ratio|proportion|cap|ceiling|stake|ownership limit)\b", I)),
    ("duration", re.compile(r"\bhow long\b|\bhow many (working )?(years|months|weeks|days)\b|"
                            r"\b(processing time|duration|working days|days|weeks|months|period of validity|"
                            r"valid for|transition(al)? period|deadline|time limit)\b", I)),
    # "from which tax-filing period can firms apply": the period something starts from is a date
    ("date", re.compile(_WHEN + r"|\bwhat (year|date|day|month)\b|\bwhich (year|date|day|month|quarter)\b|\bby when\b|"
                        r"\bwhat time\b|\b(from|since|starting) (which|what) ([\w-]+ )?(period|quarter)\b", I)),
    ("count", re.compile(r"\bhow many\b|\bnumber of\b", I)),
    ("number", re.compile(r"\bhow (much|big|large|high|fast)\b|\b(target|targeted|goal|figure|volume|scale|size|amount|value|output|"
                          r"threshold|minimum|maximum|limit)\b", I)),
]
# A value question needs one of these; the kind lists above only say which value.
VALUE_CUE_ZH = re.compile(r"多少|(?<!哪)几[个家项所条名位座批类种年月天周]|几成|多久|多长|何时|什么时候|哪年|哪一年|哪天|哪一天|几号|"
                          r"(比例|税率|股比|占比|上限|下限|期限|年限|金额|规模|目标|费用|标准)(是|为|有|定)|是多少|为多少")
VALUE_CUE_EN = re.compile(r"\bhow (much|many|long|big|large|high|soon)\b|" + _WHEN + r"|\bby when\b|\b(what|which) (year|date|day|"
                          r"month|time|quarter)\b|\b(from|since|starting) (which|what) ([\w-]+ )?period\b|\bwhat(?:'s| is| are| was)?\b.{0,48}\b(rate|fees?|cap|limit|percent\w*|share|"
                          r"amount|minimum|maximum|target|number|deadline|subsid(y|ies)|allowance|capital|assets|price|"
                          r"cost|ratio|proportion|threshold|ceiling|duration|period|time|figure|volume|size|tuition|targeted|output|"
                          r"fine|tax)\b", I)
# Words for a bound on a value or for the kind of value: they say that a value is asked, not what it measures
# ("the asset threshold", "by what year").
BOUND_WORDS = frozenset("threshold thresholds minimum maximum limit limits ceiling floor cap year years date day time "
                        "deadline deadlines duration 门槛 上限 下限 最低 最高 最长 最短 最多 最少 至少 至多 底线 年份 日期 时间 时限 期限 "
                        "时长".split())
# The verbs and qualifiers that sit between a measured noun and its question word.
VALUE_FILLERS_ZH = frozenset("是 为 要 需要 需 最低 最少 最高 最多 最长 最短 至少 至多 大概 大约 约 一共 共 能 可以 达到 有 定 定的 上限 下限 的 得".split())

YESNO_ZH = re.compile(r"能不能|能否|可否|可不可以|是否|有没有|可以吗|能吗|行不行|允许吗|吗[？?]?\s*$|吗[，,]|"
                      r"(?<![什怎这那多])么[？?]\s*$")  # "…了么？" asks yes or no; "有什么？" does not
YESNO_EN = re.compile(r"^(please\s+)?(can|could|may|is|are|does|do|will|would|should|has|have|am|was|were|shall|might)\b",
                      I)
WH_EN = re.compile(r"\b(who|whom|whose|what|which|when|where|why|how)\b", I)

DOC_NUMBER_WORD_ZH = re.compile(r"文号|发文字号|文件编号|发文编号|发文序号")  # not 字号 alone, inside 老字号 ("time-honoured brand")
DOC_ATTRIBUTES: list[tuple[str, re.Pattern[str], re.Pattern[str]]] = [
    ("number", re.compile(r"文号|发文字号|字号|文件号|文件编号|发文编号|发文序号"),
     re.compile(r"\b(doc(?:ument)?\.? numbers?|reference numbers?|doc(ument)? nos?|file numbers?|serial numbers?|"
                r"what number)\b",
                I)),
    ("title", re.compile(r"标题|全称|名称是|叫什么|题目"), re.compile(r"\b(title|full name|called|official name)\b", I)),
    ("issuer", re.compile(r"(发文|发布|印发|制发)(机关|机构|单位)|谁(发布|印发|发的|制定|出台|发出)|由谁(发布|印发|制定|出台|发出)|哪个机关|哪些机关|"
                          r"(机关|部门|单位)[^，。？?]{0,4}(联合)?(发出|发布|印发)|"
                          r"(哪个|哪些|什么)(机关|部门|单位)[^，。？?]{0,4}(发布|印发|发的|出台|制定|下发)|"
                          r"是否由[^，。？?]{2,40}(联合)?(印发|发布|发出|制发)"),
     re.compile(r"\b(issuer|who (?:\w+ly )?(issued|published|released|adopted|signed|put out|puts out|sent out|drew up|drafted)|(issued|published|released) by (whom|which)|"
                # "Was the plan put out by the Party side or the government side?": which body issued it
                r"(issued|published|released|put out|sent out) by\b(?=.*\bor\b)|"
                # "Was the plan issued jointly by X and Y?": whether those bodies issued it
                r"^(?:was|were|is|are)\b[^?]{0,160}\b(?:jointly )?(?:issued|published|released|put out|sent out) "
                r"(?:jointly )?by\b|"
                # "Which Xi'an (西安) government bureau published…": the organ word after a place (a name, its
                # Chinese in brackets) or a level word
                r"(which|what) (?:(?:(?-i:[A-Z])[\w'’-]*|[(（][^)）]{1,12}[)）]|city|county|district|provincial|"
                r"municipal|government|people's|party) ){0,4}(body|bodies|agency|agencies|department|office|authority|organ|"
                r"bureau|commission)s? (issued|published|released|signed|jointly issued)|"
                r"by whom|issuing (body|authority))\b",
                I)),
    # Whom a notice is addressed to: its salutation (各区人民政府、江北新区管委会，市府各委办局：).
    ("addressees", re.compile(r"(发给|下发给|印发给|发送给|下发到|印发到|发到)了?(哪些|哪个|哪几|谁|什么)|是发给谁|主送|发文对象|"
                              r"(哪些|哪个|什么)(单位|部门|机关)[^，。？?]{0,4}(收到|接收)"),
     re.compile(r"\b(sent|addressed|circulated|distributed) to (whom|which|what)\b|\b(addressees?|recipients?)\b|"
                r"\bwho (is|was|were) (it|this|that|the [\w-]+( [\w-]+){0,3}) (sent|addressed|circulated|distributed) to\b|"
                r"\bwho (receives?|received|got|gets) (it|the notice|the plan)\b", I)),
    # Whom a notice is copied to: its trailer's 抄送 line (抄送：市委各部门，市人大常委会办公厅…).
    ("copied", re.compile(r"抄送|抄报"),
     re.compile(r"\b(copied|cc'?d|carbon[- ]cop(y|ied))\b|\bcop(y|ies) (was |were |is |are )?(sent|go|went|goes)\b|"
                r"\bcopy (list|recipients?)\b", I)),
    ("date", re.compile(r"落款(日期|时间)?|签发日期|签署日期|"
                        # "在什么时间前编制并公布…清单" asks a deadline, not when the notice was published
                        r"(哪天|哪一天|何时|什么时候|哪年|哪一年|日期|时间)(?![之以]?前).{0,4}(印发|发布|发的|发文|出台|签发|成文|公布)|"
                        r"(印发|发布|发文|出台|签发|成文|公布).{0,4}(哪天|何时|什么时候|日期|时间|哪年)|成文日期|发布日期|印发日期|"
                        r"(通知|方案|文件|意见|计划)上?的?(日期|日子)"),
     re.compile(r"\bwhen (was|were|did)\b.*\b(issu|publish|releas|sign|adopt|print|out|dated|writ)\w*|\bdated\b|"
                r"\b(issue|publication|release|signing|written) dates?\b|\bdates? of (issue|publication|signing)\b|"
                r"\bwhat (date|day|year)\b.*\b(issu|publish|releas|sign|adopt|writ)\w*|"
                r"\b(issu|publish|releas|sign|adopt)\w*\b.*\b(what|which) (date|day)\b|"
                # "What date does the notice bear under the government's name?": the date printed on it
                r"\b(what|which) (date|day)\b[^?]*\b(bear|bears|carry|carries|show|shows)\b|"
                # "What date is on the plan?", "the date of the notice": the date printed on a document
                r"(?<!completion )(?<!deadline )(?<!target )(?<!due )(?<!finish )(?<!start )(?<!end )"
                r"\bdate (is |was )?(on|of|printed on) (the|this|that|its)\b(?!.*\b(deadline|due|complet|finish)\w*)", I)),
    # The documents a notice implements ("为贯彻落实《…》（国办发〔2022〕30号）…制定本方案").
    ("basis", re.compile(r"依据|根据哪|按照哪|贯彻落实哪|落实哪(个|份|些)|上级文件|是对哪|哪(个|份|些|[两三几][个份])(上级)?文件"),
     re.compile(r"\b(based on|basis|pursuant to|implement(s|ed|ing)?|behind|follow(s|ing)? up|in response to)\b", I)),
    # How long the notice's pilot or plan runs ("试点为期几年", "How long is the pilot meant to run?"); asked of a
    # matter ("how long does a visa take") it is a clause's duration: the part then has words of its own.
    ("length", re.compile(r"为期(几|多少)年|试点(期|期限)?(是|为|有)?(几|多少)年|试(几|多少)年|(试点|实施|行动)(期|期限)?"
                          r"(是)?(多久|多长时间|多长)|几年(的)?试点|试(点|行)?[^，,。？?]{0,4}(多久|多长时间|几年)"),
     re.compile(r"\bhow long\b|\bhow many years\b|\b(pilot|plan) (period|length|duration)\b|"
                r"\b(length|duration) of the (pilot|plan|programme)\b", I)),
    # 实施期限 of a measure ("…政策实施期限至何时") is a date asked of a clause, not the notice's plan period.
    ("period", re.compile(r"规划期|实施期(?!限)|时间跨度|涵盖哪些年|哪几年|覆盖.{0,3}年|起止|时间范围|到哪一年"),
     re.compile(r"\b(what|which) (years|period)\b|\btime ?frame\b|\bcover(s|ing)? (which|what) years\b|\bspan\b|"
                r"\brun(s)? (from|until|to)\b|\bplan period\b", I)),
    # What a notice attaches ("附件是什么", "What is the annex called?"): the titles of its 附件 lines.
    ("annex", re.compile(r"附件(的)?(是|为|叫|有|名称|标题|题目)(什么|哪些|哪个|哪几|是什么)?|(附|带)了?(什么|哪些|几个|几份)附件|"
                         r"有(几|多少)(个|份)附件"),
     re.compile(r"\bwhat (is|are|was|were) (the|its|their) (annex|annexes|attachments?|appendix|appendices)\b|"
                r"\b(annex|attachment|appendix)\w* (is|are) (called|titled|named)\b|"
                r"\bwhat (does|did) (it|the [\w-]+( [\w-]+){0,5}) (attach|append)\b|"
                # "What is attached to the … notice as its annex?"
                r"\bwhat (is|are|was|were) (attached|appended|enclosed)\b|\bas (its|an|the) (annex|attachment|appendix)\b",
                I)),
    # Whose consent a notice was issued with ("已经市委、市政府同意，现印发给你们").
    ("approval", re.compile(r"经(过)?(哪|什么|谁|何)[^，。？?]{0,6}(同意|批准|审议|审定)|(哪次|哪个|什么)会议[^，。？?]{0,6}"
                            r"(审议|通过|同意|批准)|"
                            r"(谁|哪些?[个家]?(机构|机关|单位|部门|领导))(同意|批准)(了)?(后)?(才)?(印发|发布|出台)|批准(机关|单位|机构)"),
     re.compile(r"\b(approved|endorsed|sanctioned|cleared) by (whom|which|what|anyone|anybody|someone)\b|"
                r"\b(get|got|gotten|was|were|been) (approved|endorsed|sanctioned|cleared)\b|"
                r"\bwho (approved|endorsed|sanctioned|signed off on|cleared)\b|\b(whose|what|which) (approval|consent)\b|"
                r"\bwith (the )?(approval|consent) of (whom|which|what)\b|"
                # "by which meeting were the two breakdowns approved?"
                r"\b(which|what) (meeting|session|executive meeting|body)\b[^?]{0,60}\b(approv|adopt|pass|review)\w*", I)),
    # How a notice says which of the units listed leads ("列在首位的为牵头部门"): its rule, not one task's lead.
    ("convention", re.compile(r"(怎么|如何|怎样)(区分|判断|确定|看出?|认定|识别)[^，。？?]{0,8}牵头|牵头(单位|部门)[^，。？?]{0,8}"
                              r"(怎么|如何|怎样)(区分|判断|确定|看出?|认定|识别)|[列排]在(首位|第一位?)的?[^，。？?]{0,4}(是|为|算)?"
                              r"(什么|谁|哪个|牵头)"),
     re.compile(r"\bhow (is|are|do|does|can|would|should) [^?]{0,40}\blead(ing)? (unit|department|body|agency|bureau)s?\b"
                r"[^?]{0,30}\b(identif|determin|designat|indicat|mark|show|tell|told|known|distinguish|pick)\w*|"
                r"\bhow (do|can|would|should) (i|we|you|one|readers?) (tell|know|see|identify) (which|who)\b[^?]{0,60}\blead",
                I)),
    ("tasks", re.compile(r"(多少|几)(项|个|条)[\u4e00-\u9fff]{0,6}任务|任务.{0,4}(多少|几)(项|个|条)|多少项|(多少|几)行"),
     re.compile(r"\bhow many (\w+ ){0,3}(tasks|rows|items|measures)\b|\bnumber of (\w+ ){0,2}tasks\b", I)),
    ("about", re.compile(r"(是|讲|说|关于)(的)?什么|主要内容|是什么文件|是个什么|什么文件|讲了什么|目的是"),
     re.compile(r"\bwhat (is|was|are) (\S+ ){0,14}(about|for)\b|\bwhat does (\S+ ){0,12}(cover|say|do)\b|"
                r"\bpurpose of\b|\bwhat kind of (document|notice)\b|\bsubject of\b", I)),
]
# Asking for conditions, materials or steps: the clause must state them, not merely mention the matter.
PROCEDURAL_ZH = re.compile(r"条件|要求|材料|手续|流程|程序|资格|步骤|窗口|地址|电话|网址|联系方式")
PROCEDURAL_EN = re.compile(r"\b(conditions?|requirements?|criteria|documents? (needed|required)|paperwork|procedures?|steps|"
                           r"process|qualifications?|eligib\w*|where (do|can|should) (i|we) (apply|go|register)|address|"
                           r"phone|telephone|website|contact)\b", I)
DOC_WORDS_ZH = re.compile(r"方案|通知|文件|意见|办法|规划|计划|试点|通告|决定|细则|政策|分解|分工|纲要|规定|条例")
DOC_WORDS_EN = re.compile(r"\b(plan|notice|document|pilot|programme|program|policy|circular|opinions?|measures|"
                          r"scheme|action plan|file|breakdown|guidelines?|rules|regulations?|outline|"
                          r"division|table|work point)s?\b", I)  # 分工: "the open-government key task division"; 工作要点: "work points"

# Words that, before a document word, say which kind of document ("实施意见", "task-division plan").
_DOC_KIND_ZH = re.compile(r"(?:实施|指导|工作|行动|任务|责任|重点|分工|" + DOC_WORDS_ZH.pattern + ")+")
_DOC_KIND_EN = frozenset("implementing implementation guiding work working action task-division task division "
                         "responsibility key-work key-task key-tasks".split())


# "the 2020 key-work breakdown", "the task-division plan": a run of kind words ending in a document word. A notice
# named so is named by all of it: its words are not the question's topic ("key" is not what is asked about).
DOC_KIND_RUN_EN = re.compile(r"\b(?:(?:key[\s-]+(?:work|tasks?)|"
                             + "|".join(sorted(map(re.escape, _DOC_KIND_EN), key=len, reverse=True))
                             + r")[\s-]+)+" + DOC_WORDS_EN.pattern.removeprefix(r"\b"), I)


def is_doc_words(surface: str, zh: bool) -> bool:
    """Whether a term only names a kind of document ("方案", "分工方案", "the implementing opinions")."""
    surface = surface.strip("-").strip()
    if zh:
        return bool(_DOC_KIND_ZH.fullmatch(surface)) and bool(DOC_WORDS_ZH.search(surface))
    words = surface.lower().split()
    return bool(words) and bool(DOC_WORDS_EN.fullmatch(words[-1])) and all(
        w in _DOC_KIND_EN or DOC_WORDS_EN.fullmatch(w) for w in words[:-1])


def is_doc_kind(surface: str, zh: bool) -> bool:
    """Whether document words say which kind of document ("分工方案", "implementing opinions"), not only "plan"."""
    surface = surface.strip("-").strip()
    return len(surface) >= 4 if zh else len(surface.split()) >= 2


# Where a notice lists its tasks, named as the place to look ("which units in the task annex are responsible",
# 任务清单中由哪些单位负责): not a matter the clause must print.
IN_LISTING_EN = re.compile(r"\b(?:in|on|under|from)\s+(?:the|its|their|that)\s+(?:task\s+|work\s+|responsibility\s+)?"
                           r"(annex|attachment|list|table)\b", I)
IN_LISTING_ZH = re.compile(r"(附件|附表|任务清单|任务表|清单|分工表)(?:中|里|内|上)")


MULTI_CUES_ZH = re.compile(r"分别|各自|各由|两项|两件事|两个任务|二者|两者")
MULTI_CUES_EN = re.compile(r"\brespectively\b|\beach\b|\bboth\b|\b(task|pilot|measure|item)\s+and\s+the\b", I)
PER_DOCUMENT_ZH = re.compile(r"(两|二|这两|两个|两份|每个|每份|各个)(个|份)?(文件|通知|方案)")
PER_DOCUMENT_EN = re.compile(r"\b(both|each of the( two)?|the two|each)( [\w-]+){0,2}? (notices|documents|plans|files)\b", I)

# Words of a question that say what kind of answer is wanted, or fill the sentence; never content.
_QUESTION_WORDS_EN = """
who whom whose what which when where why how often supposed does do did is are was were be been being the a an of for in on to
and or by with lead leads leading led responsible responsibility agency agencies department departments bureau
bureaus body bodies office offices unit units task tasks handle handles handled handling charge take takes taking
help helps support supports supporting cooperate cooperates cooperating cooperation guide guides guiding guidance
list all involve involved part named role roles say says said any there about get let tell me us we our i my you
your can could would should will shall may might must please want wants need needs needed like know find out
also each both respectively other others one ones thing things stuff work works working job jobs duty duties
main mainly primarily primary in-charge hook behind driving drive drives push pushing pushes back backs up
s 's yes no not does it its this that these those them their they he she his her am been having has have had
whether if so such than then too very much many more most some number how's who's what's which's it's that's
under per between among within from into onto over via at as up out off down again further once here all any
few nor only own same just now during before after above below through until while because against each
apply applies applied applying exist exists existing happen happens currently today actually really basically
aim aims aiming aimed mention mentions mentioned mentioning listed name names named naming fall falls falling show shows shows up big large high fast soon
rather instead even still already quite perhaps maybe simply anyway otherwise somehow
let lets letting allow allows allowed allowing run runs running effort efforts get gets getting got deal deals
dealing local across set sets setting put puts putting make makes making bring brings bringing give gives giving
go goes going come comes coming keep keeps trying try tries kind kinds sort sorts type types way ways whole various several
new own specific specifically exactly asked asks ask currently able possible option options matter matters regarding concerning
anything something someone somebody anyone anybody people person company's firm's two both bit
every everything list lists listing involve involves involving involved appear appears appearing entire hand plate
done doing backing backed heard hear hears locally yet provincial municipal
besides except excepting aside apart
according accordance responsibilities remit given assigned assign assigns allocated entrusted tasked measure measures item items provision provisions clause clauses notice notices opinion opinions document documents
terms year years section sections
""".split()
_QUESTION_WORDS_ZH = """
列出 列举 罗列 所有 全部 一切 涉及 全都
点名 被点名 列名 几项 多少项 几个 几条 多少条 几件 哪几件 几类 哪几类 哪几项 几家 多少个 多少家 职责 职能 各由 各自由 这事 这个事 哪几个 哪几家 哪几 哪项 哪一项 一项 哪条 哪一条 一条 哪几条
谁 哪个 哪些 哪家 哪里 哪 什么 怎么 怎样 如何 多少 几 是否 能否 可否 能不能 可不可以 有没有 吗 呢 吧 啊 呀
牵头 牵头单位 配合 配合单位 指导 指导单位 负责 负责单位 责任 责任单位 承担 主管 部门 单位 机构 机关 任务 工作
牵头落实 分别牵头 落实 主办 协办 承办 主办单位 协办单位 担任 担当 充当 作为 哪件 哪一件
这块 这一块 那块 这方面 那方面 这一方面 该方面 这条 这项 这个 那个 这类 这些 那些 这件 这件事 事 事情 方面 相关 情况 问题 一下 请问 告诉 我们 我 你 他们 它
的 了 和 与 及 以及 等 或 或者 是 在 对 为 由 有 中 其 将 并 之 以 于 把 被 给 让 要 会 能 可以 可 都 也 还 就 又 里 里面
分别 各自 各 两 两个 两份 两项 这两 二者 两者 提到 提及 提出 现在 目前 如今 当前 都 也 要 想 需要 哪天 哪年
觉得 感觉 感到 具体 主要 一下子 到底 究竟 打算 想要 准备要 听说 据说 听人说 市里 省里 区里 县里 这份 该份 本份 此份 这一份 分工 分工负责 职责分工 按职责 按职责分工
多久 多长 多长时间 多大 多高 表里 表中 表内 清单里 清单中 文件里 文件中 通知里 通知中 方案里 方案中 哪些项目 哪些事项 任务分工 重点任务 哪一年 哪一天 年份 几月 几号 届时 到时 最迟 最晚 最早 之前 以前 协同 协同配合 单独 独自 而不是 那条 那项 那个 那些 那件 列为 被列为 构成 组成
""".split()


def made_of(surface: str, words: frozenset[str]) -> bool:
    """Whether a term is one of `words`, or a phrase made only of them ("date signed", "follow-up")."""
    return set(re.split(r"[\s-]+", surface.lower().strip("-"))) <= words


@cache
def question_words() -> frozenset[str]:
    """Question and filler words of both languages, with stopwordsiso's Chinese list (its English list holds content
    words such as "system", "value" and "information", so English keeps the function words above)."""
    import stopwordsiso

    return frozenset(_QUESTION_WORDS_EN) | frozenset(_QUESTION_WORDS_ZH) | stopwordsiso.stopwords("zh")


# "driving that change", "behind this move": a pointer to the matter already described, with a word for "matter".
POINTED_MATTER_EN = re.compile(r"\b(?:that|this|these|those|the same|such)\s+(?:changes?|things?|matters?|issues?|"
                               r"efforts?|moves?|steps?|initiatives?|ideas?|plans?|programmes?|programs?|schemes?)\b", I)

# Words for the tasks themselves (项目, "rows"): what a reverse lookup lists, or a who-question's matter says nothing of.
TASK_NOUNS = frozenset("项目 任务 工作 事项 措施 举措 条目 问题 事情 情况 内容 相关工作 有关工作 实事 清单 任务清单 items projects tasks measures "
                       "things jobs duties rows row entries lines".split())
# Carrying a matter out, said as a noun: "这方面的放开由哪个部门牵头", "这事的推进归谁管" name no part of the matter.
CARRYING_OUT = frozenset("推进 推动 落实 实施 开展 执行 放开 放宽".split())


# A role named only to be set aside: "除牵头单位外还有哪些单位…", "besides the lead unit, who else…".
_EXCLUDED_ROLE = re.compile(r"除(了)?[^，,。？?]{0,8}?(牵头|配合|指导|责任)(单位|部门)?[^，,。？?]{0,4}?(以)?外|"
                            r"\b(besides|apart from|other than|except(ing)?( for)?|aside from)\s+(the\s+)?"
                            r"(lead(ing)?|cooperating|guiding|responsible)(\s+(units?|agenc(y|ies)|departments?|"
                            r"bod(y|ies)))?\b", I)


def _roles_asked(text: str) -> str:
    # 牵头领导 is a person, not the lead unit; "the implementation plan" names a notice, it asks for no implementer
    return DOC_KIND_RUN_EN.sub(" ", ASKED_PERSON_ZH.sub(" ", _EXCLUDED_ROLE.sub(" ", text)))


def detect_role(text: str, zh: bool) -> Role | None:
    text = _roles_asked(text)
    for role, zh_rx, en_rx in ROLE_PATTERNS:
        if (zh_rx if zh else en_rx).search(text):
            return role
    return None


def roles_in(text: str, zh: bool) -> list[Role]:
    text = _roles_asked(text)
    return [role for role, zh_rx, en_rx in ROLE_PATTERNS if (zh_rx if zh else en_rx).search(text)]


# Words a document question or a request for its tasks uses whatever it asks about ("how long is the pilot meant to
# run", "when was it signed"): no topic of their own.
DOC_GENERIC = frozenset(
    "task tasks 任务 工作 试点 pilot work 事 事情 方面 落款 签发 印发 long meant supposed expected run runs last lasts "
    "years carried 为期 period duration length 几年 试点期 期限 多久 试 要试 试行 试多久 目标 指标 措施 subject topic "
    "purpose gist content contents 内容 主要内容 目的 成文 发布 日期 date signed issued published released sign issue "
    "publish 发给 下发 下发给 印发给 发送 主送 抄送 抄报 sent addressed addressees recipients copied circulated distributed 制定 出台 依据 "
    "根据 几份 两份 上级 jointly dated written 联合".split())
