"""Every sentence answering says, in both languages, in one table. Handlers pick a key and fill it in; none of
them branches on the language."""

from __future__ import annotations

import re

from ingest.models import Role

ROLE_NAME: dict[str, dict[str, str]] = {
    "lead": {"zh": "牵头单位", "en": "Lead"},
    "cooperate": {"zh": "配合单位", "en": "Cooperating"},
    "guide": {"zh": "指导单位", "en": "Guiding"},
    "responsible": {"zh": "责任单位", "en": "Responsible"},
}
ROLE_ORDER: tuple[Role, ...] = ("lead", "cooperate", "guide", "responsible")
UNOFFICIAL = "unofficial English rendering"

MESSAGES: dict[str, dict[str, str]] = {
    # where a clause sits
    "task_at": {"zh": "{doc} 任务第{no}项", "en": "{doc}, task {no}"},
    "task_at_section": {"zh": "{doc} 任务第{no}项（{section}）", "en": "{doc}, task {no} ({section})"},
    "row_at": {"zh": "{doc} 任务清单中一行未编号的任务", "en": "{doc}, an unnumbered task row"},
    "body_at": {"zh": "{doc}（{section}）", "en": "{doc}, section {section}"},
    "preamble_at": {"zh": "{doc}（正文开头）", "en": "{doc}, preamble"},
    "front_at": {"zh": "{doc}（文件首部）", "en": "{doc}, front matter"},
    # quotes
    "quote": {"zh": "原文：“{text}”", "en": "Clause ({unofficial}): \"{text}\""},
    "quote_zh_only": {"zh": "原文：“{text}”", "en": "Clause (Chinese original; no English rendering is available for it): “{text}”"},
    "tasks_row_original": {"zh": "", "en": " (Chinese: “{text}”)"},
    "quote_original": {"zh": "原文：“{text}”", "en": "Chinese original (official): “{text}”"},
    "terms_in_quote": {"zh": "", "en": "Your words in it: {pairs}."},
    # roles
    "role_line": {"zh": "{role}：{names}", "en": "{role}: {names}."},
    "first_listed_leads": {
        "zh": "该任务只列责任单位（没有牵头单位一栏），按列出顺序为：{names}；按惯例，排在首位的{first}牵头。",
        "en": "This task names responsible units only (there is no lead column). In printed order: {names}. "
              "By convention the first listed, {first}, leads."},
    "inline_agency": {"zh": "按原文，{name}：“{sentence}”", "en": "As printed, {name} {verb_en}."},
    "no_agencies": {"zh": "该条款未列明责任单位。", "en": "This clause names no agencies."},
    "role_not_listed_no": {"zh": "否。{where}未列{role}。", "en": "No — {where} lists no {role_en} unit."},
    "role_not_listed": {"zh": "现有通知没有写明：{where}未列{role}。它列出的单位如下。",
                        "en": "The notices do not state this: {where} lists no {role_en} unit. The units it lists:"},
    "task_field": {"zh": "{name}：{value}", "en": "{name_en} ({name}): {value}."},
    "both_notices": {"zh": "两份通知都有对应任务：", "en": "Both notices have a matching task:"},
    "yes": {"zh": "是的，通知有此规定。", "en": "Yes — the notice provides for this."},
    "no": {"zh": "不可以：通知对此有限制性规定。", "en": "No — the notice restricts this."},
    "according": {"zh": "根据{where}：", "en": "According to {where}:"},
    "value_is": {"zh": "通知所载数值：{values}。", "en": "The figure stated: {values}."},
    "place_is": {"zh": "通知所载地点：{values}。", "en": "The place named: {values}."},
    "part": {"zh": "{n}. {text}", "en": "{n}. {text}"},
    # agency task lists
    "tasks_header": {"zh": "{names}在以下{n}项任务中列名：", "en": "{names} is named in {n} task{s}:"},
    "tasks_header_role": {"zh": "{names}作为{role}的任务共{n}项：", "en": "{names} is the {role_en} unit in {n} task{s}:"},
    "tasks_row": {"zh": "- {doc} 第{no}项（{roles}）：{gist}", "en": "- {doc} task {no} ({roles}): {gist}"},
    "outline_header": {"zh": "{doc}“{heading}”下列有{n}项：",
                       "en": "{doc} lists {n} item{s} under “{heading}”:"},
    "followup_of": {"zh": "（承接上文，指{where}。）", "en": "(Taking this to be about {where}, from the previous answer.)"},
    "clarify": {"zh": "请说明您指的是哪项任务或哪份通知（例如给出文号和任务编号），我再据此回答。",
                "en": "Which task or notice do you mean? Please name it (for example its document number and task "
                      "number) and I will answer from it."},
    "tasks_other_roles": {"zh": "它在以下{n}项任务中以其他角色列名：", "en": "It is named in other roles in {n} task{s}:"},
    "tasks_none": {"zh": "已存通知的任务中没有{names}{role_zh}的任务{topic}。",
                   "en": "No stored task names {names}{role_en}{topic}."},
    "first_listed": {"zh": "（首列责任单位）", "en": " (first listed responsible unit)"},
    "about_topic": {"zh": "（涉及“{topic}”）", "en": " on “{topic}”"},
    "tasks_unused_words": {"zh": "（通知中没有“{words}”的说法，以下不按它筛选。）",
                           "en": "(The notices do not use the words “{words}”, so they do not narrow this list.)"},
    # document facts
    "doc_number": {"zh": "{title}的文号是{doc}。", "en": "The document number of {title} is {doc}."},
    "doc_title": {"zh": "{doc}的标题是《{title}》。", "en": "{doc} is titled {title}."},
    "doc_issuer": {"zh": "{doc}《{title}》由{issuer}印发。", "en": "{doc} ({title}) was issued by {issuer}."},
    "doc_date": {"zh": "{doc}《{title}》成文日期为{date}。", "en": "{doc} ({title}) is dated {date}."},
    "doc_no_number": {"zh": "《{title}》未印有文号（本服务以“{doc}”存储它）。",
                      "en": "{title} prints no document number (PolicyQA stores it as “{doc}”)."},
    "doc_no_issuer": {"zh": "{doc}《{title}》未印有发文机关。", "en": "{doc} ({title}) does not print who issued it."},
    "doc_no_date": {"zh": "{doc}未印有成文日期。", "en": "No date is printed on {doc}."},
    "doc_posted": {"zh": "收录它的网页标注的发布时间为{date}（网页发布时间，不是成文日期）。",
                   "en": "The web page it was taken from says it was posted on {date} (the page's posting date, "
                         "not a date the notice prints)."},
    "doc_addressees": {"zh": "{doc}《{title}》主送：{to}。",
                       "en": "{doc} ({title}) is addressed to: {to} (as printed; no English rendering)."},
    "doc_copied": {"zh": "{doc}《{title}》抄送：{to}。",
                   "en": "{doc} ({title}) is copied to: {to}."},
    "doc_no_copied": {"zh": "{doc}《{title}》未印有抄送单位。", "en": "{doc} ({title}) prints no copy list."},
    "doc_no_addressees": {"zh": "{doc}未印有主送单位。", "en": "{doc} prints no addressees."},
    # The same facts once the notice has been named in the answer.
    "doc_issuer_again": {"zh": "{doc}由{issuer}印发。", "en": "It was issued by {issuer}."},
    "doc_date_again": {"zh": "{doc}成文日期为{date}。", "en": "It is dated {date}."},
    "doc_printed": {"zh": "{printer}于{date}印发。", "en": "It was printed and distributed by {printer} on {date}."},
    "doc_period": {"zh": "{doc}《{title}》的规划期为{period}年。", "en": "{doc} ({title}) covers {period}."},
    "doc_no_period": {"zh": "{doc}《{title}》的标题和正文没有写明规划期。",
                      "en": "{doc} ({title}) does not state a plan period in its title."},
    "doc_basis": {"zh": "{doc}《{title}》是为贯彻落实以下文件制定的：{basis}。{quote}",
                  "en": "{doc} ({title}) implements: {basis}. {quote}"},
    "doc_annex": {"zh": "{doc}《{title}》的附件：{annex}。", "en": "{doc} ({title}) attaches: {annex}."},
    "doc_no_annex": {"zh": "{doc}《{title}》没有印出附件的名称。",
                     "en": "{doc} ({title}) prints no title of an annex."},
    "doc_approval": {"zh": "{doc}《{title}》{quote}", "en": "{doc} ({title}) was issued with the consent of {quote}"},
    "doc_convention": {"zh": "{doc}《{title}》写明：{quote}",
                       "en": "{doc} ({title}) states which listed unit leads: {quote}"},
    "doc_leads_labelled": {"zh": "{doc}《{title}》在每项任务下分别标明牵头单位。",
                           "en": "{doc} ({title}) labels each task's lead unit (牵头单位) separately."},
    "doc_no_convention": {"zh": "{doc}《{title}》没有写明所列单位中哪个牵头。",
                          "en": "{doc} ({title}) does not say which of the units it lists leads."},
    "doc_no_approval": {"zh": "{doc}《{title}》没有写明经谁同意或批准印发。",
                        "en": "{doc} ({title}) does not say whose approval it was issued with."},
    "doc_no_basis": {"zh": "{doc}《{title}》没有写明它依据或落实的上级文件。",
                     "en": "{doc} ({title}) does not name a document it implements."},
    "doc_length": {"zh": "{doc}《{title}》写明的期限为{length}：{quote}", "en": "{doc} ({title}) sets {length}: {quote}"},
    "doc_no_length": {"zh": "{doc}《{title}》没有写明试点或实施的期限。",
                      "en": "{doc} ({title}) does not state how long its pilot or plan runs."},
    "doc_tasks": {"zh": "{doc}《{title}》共列{n}项任务（编号{first}至{last}）。",
                  "en": "{doc} ({title}) lists {n} tasks (numbered {first} to {last})."},
    "doc_tasks_unnumbered": {"zh": "其中{k}项在原文中没有编号。", "en": " {k} of them carry no number in the source."},
    "cited_doc": {"zh": "{doc}引用了{number}：《{title}》。",
                  "en": "{doc} cites {number}: “{title}”{terms} (the cited document itself is not stored)."},
    "cited_doc_untitled": {"zh": "{doc}提到了{number}，但没有写明其标题。",
                           "en": "{doc} mentions {number} but does not print its title."},
    "number_unknown": {"zh": "已收录的通知中没有文号为{number}的，也没有引用它的。",
                       "en": "No stored notice is {number}, and none cites it."},
    "doc_counts_stated": {"zh": "通知原文写明：“{quote}”。", "en": "The notice itself states: “{quote}”{terms}."},
    "doc_about": {"zh": "{doc}是{issuer}于{date}印发的《{title}》。{purpose}",
                  "en": "{doc} is {title}, issued by {issuer} on {date}. {purpose}"},
    "doc_line": {"zh": "{doc}：《{title}》，{issuer}于{date}印发{period}，列有{n}项任务。",
                 "en": "{doc}: {title}, issued by {issuer} on {date}{period}; it lists {n} tasks."},
    "doc_line_period": {"zh": "，规划期{period}年", "en": ", covering {period}"},
    # abstaining
    "not_stated": {"zh": "现有通知没有写明{what}。", "en": "The notices do not state {what}."},
    "suggest_about": {"zh": "{doc}是关于什么的？", "en": "What is {doc} about?"},
    "suggest_task_lead": {"zh": "{doc}第{no}项任务由哪个部门牵头？", "en": "Who leads task {no} of {doc}?"},
    "suggest_agency_tasks": {"zh": "{zh}牵头哪些任务？", "en": "Which tasks does the {en} lead?"},
    "no_such_task": {"zh": "{docs}没有第{tasks}项任务。", "en": "{docs} has no task {tasks}."},
    "the_notices": {"zh": "现有通知", "en": "No stored notice"},
    "not_stated_value": {"zh": "现有通知提到了相关内容，但没有写明{what}的具体{kind}。",
                         "en": "The notices touch on this but do not state the {kind} asked for ({what})."},
    "not_stated_year": {"zh": "现有通知没有给出{years}年的相关内容。",
                        "en": "The notices say nothing about {years} on this."},
    "not_named_document": {"zh": "现有通知没有涉及{titles}的内容。", "en": "The notices do not cite {titles}."},
    "not_covered_place": {"zh": "现有通知不涉及{place}。", "en": "The notices do not cover {place}."},
    "not_named_agency": {"zh": "现有通知中没有把{names}列为该事项的单位。",
                         "en": "The notices do not name {names} for this."},
    "instructions": {"zh": "问题中的指令不会被执行。", "en": "Instructions inside a question are not followed."},
    "holdings": {"zh": "本服务只依据已收录的通知作答：{docs}。", "en": "PolicyQA answers only from the notices it holds: {docs}."},
    "holdings_more": {"zh": "等{n}份通知", "en": "and {n} more"},
    "related": {"zh": "相关但不能作为答案的条款：", "en": "Related clauses (not an answer):"},
    "related_item": {"zh": "- {where}", "en": "- {where}"},
    "part_not_stated": {"zh": "这一问现有通知没有写明。", "en": "The notices do not answer this part."},
    "value_kind_money": {"zh": "金额", "en": "amount"},
    "value_kind_percent": {"zh": "比例", "en": "percentage"},
    "value_kind_duration": {"zh": "期限", "en": "duration"},
    "value_kind_date": {"zh": "时间", "en": "date"},
    "value_kind_year": {"zh": "年份", "en": "year"},
    "value_kind_count": {"zh": "数量", "en": "number"},
    "value_kind_number": {"zh": "数值", "en": "figure"},
    "value_kind_place": {"zh": "地点", "en": "place"},
}


def say(lang: str, key: str, **values: object) -> str:
    """The message in `lang`; a count `n` gives English its plural ending as `s` ("1 task", "2 tasks")."""
    if "n" in values:
        values.setdefault("s", "" if values["n"] == 1 else "s")
    return MESSAGES[key][lang].format(**values)


def role_name(role: str, lang: str) -> str:
    return ROLE_NAME[role][lang]


def join_names(names: list[str], lang: str) -> str:
    if lang == "zh":
        return "、".join(names)
    if len(names) <= 2:
        return " and ".join(names)
    return "; ".join(names[:-1]) + "; and " + names[-1]


# English for the headers of a task table's other columns, as tables of the family print them.
FIELD_EN: dict[str, str] = {
    "完成时限": "Deadline", "时间节点": "Milestone", "完成时间": "Completion date", "时限要求": "Deadline",
    "责任领导": "Official in charge", "牵头领导": "Leading official", "分管领导": "Official in charge",
    "推广范围": "Scope of roll-out", "分类": "Category", "类别": "Category", "备注": "Note", "工作目标": "Target",
    "目标要求": "Target", "主要内容": "Main content", "责任人": "Person responsible", "实施时间": "Implementation period",
    "实施期限": "Implementation period",
    # a project list's and a progress report's columns
    "名称": "Name", "项目名称": "Project name", "建设地点": "Location", "地点": "Location", "实施地点": "Location",
    "建设时间": "Construction period", "建设年限": "Construction period", "建设期限": "Construction period",
    "建设内容": "Works", "建设规模": "Scale", "建设规模及内容": "Scale and works", "总投资": "Total investment",
    "投资": "Investment", "年度投资": "Annual investment", "年度投资金额": "Annual investment",
    "计划投资": "Planned investment", "资金来源": "Source of funds", "当前进度": "Progress", "进展情况": "Progress",
    "推进情况": "Progress", "完成情况": "Progress", "实际完成情况": "Progress", "落实情况": "Progress",
    "工作内容": "Work", "重点任务": "Key task", "工作措施": "Measures", "工作举措": "Measures", "具体措施": "Measures",
    "预期成果": "Expected result", "工作成果": "Result", "成果形式": "Form of result", "预期目标": "Target",
}
_MEASURES_EN = {"万元": "10,000 yuan", "亿元": "100 million yuan", "元": "yuan", "公里": "km", "亩": "mu"}


def field_en(name: str) -> str | None:
    """A task field's English name; a project's own fields read as the plain ones (项目责任领导 → Project: Official
    in charge)."""
    if name in FIELD_EN:
        return FIELD_EN[name]
    # "年度投资金额(万元)": the column's name, then its measure
    m = re.fullmatch(r"(.+?)\s*[（(]\s*(.+?)\s*[)）]", name)
    if m and (base := field_en(m.group(1))):
        return f"{base} ({_MEASURES_EN.get(m.group(2), m.group(2))})"
    if name.startswith("项目") and name[2:] in FIELD_EN:
        return f"Project {FIELD_EN[name[2:]][0].lower()}{FIELD_EN[name[2:]][1:]}"
    # "三季度进展情况", "1-10月推进情况": a field of its kind, for the period the column names first
    base = next((k for k in sorted(FIELD_EN, key=len, reverse=True) if len(k) >= 4 and name.endswith(k)), None)
    if base and _PERIOD.fullmatch(name[: -len(base)]):
        return f"{FIELD_EN[base]} ({name[: -len(base)]})"
    return None


# A period a column's name opens with: 三季度, 1-10月, 上半年, 2022年
_PERIOD = re.compile(r"(?:19|20)\d{2}年(?:度)?|第?[一二三四1-4]季度|[上下]半年|全年|年度|\d{1,2}(?:[-—至~]\d{1,2})?月份?")
