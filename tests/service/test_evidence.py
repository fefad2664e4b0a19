"""Whether a clause holds a question's words: another form of an English word counts (stems), part of a phrase
counts half, and the clause that holds clearly more of the question is the answer."""

from __future__ import annotations

from index.retriever import Hit
from ingest.models import Clause
from service.answering.decide import _prefer_task
from service.answering.evidence import Check
from service.answering.terms import Term, coverage, support


def en(surface: str) -> Term:
    return Term(surface, frozenset(surface.lower().split()))


RENDERING = frozenset("support elderly care institution invest by hong kong service provider in pilot internal "
                      "nursing and medical institution development control".split())


def test_another_form_of_the_word_is_the_word() -> None:
    assert support(en("developers"), "", RENDERING) == 1.0  # development
    assert support(en("controlled"), "", RENDERING) == 1.0  # control
    assert support(en("clinics"), "", RENDERING) == 0.0


def test_part_of_a_phrase_counts_half_and_is_still_reported_missing() -> None:
    assert support(en("nursing homes"), "", RENDERING) == 0.5
    share, missing = coverage([en("nursing homes"), en("elderly care"), en("clinics")], "", RENDERING)
    assert share == (0.5 + 1 + 0) / 3 and [t.surface for t in missing] == ["nursing homes", "clinics"]


def test_chinese_forms_are_unchanged() -> None:
    term = Term("养老机构", zh=("养老机构",))
    assert support(term, "支持港澳台服务提供者投资的养老机构", frozenset()) == 1.0
    assert support(term, "支持设立医疗机构", frozenset()) == 0.0


def candidate(task_no: int | None, cover: float, score: float) -> tuple[Hit, Check]:
    clause = Clause(f"c{task_no}", "测发〔2024〕1号", "测试方案", "一、任务", "task" if task_no else "body", task_no,
                    "条款", (), 1, 1)
    return Hit(clause, score), Check(clause, cover, (), None, None)


def test_the_clause_holding_clearly_more_of_the_question_answers() -> None:
    first, second = candidate(1, 0.36, 1.0), candidate(2, 0.71, 0.98)
    assert _prefer_task([first, second])[1].clause.task_no == 2
    assert _prefer_task([first, candidate(2, 0.5, 0.98)])[1].clause.task_no == 1  # not clearly more: rank decides


def missing(task_no: int, cover: float, words: tuple[str, ...]) -> tuple[Hit, Check]:
    hit, check = candidate(task_no, cover, 1.0 - task_no / 100)
    return hit, Check(check.clause, cover, words, None, None)


def test_a_task_holding_every_word_the_first_holds_and_more_answers() -> None:
    first, second = missing(1, 0.76, ("labs", "translational")), missing(2, 0.95, ("labs",))
    assert _prefer_task([first, second])[1].clause.task_no == 2
    # Missing a word the first holds: not more of the same question, so rank decides.
    assert _prefer_task([first, missing(2, 0.95, ("gene",))])[1].clause.task_no == 1


def test_a_task_holding_every_word_answers_from_lower_down_when_the_first_misses_two() -> None:
    others = [missing(n, 0.6, ("a", "b")) for n in range(2, 7)]
    whole = missing(7, 1.0, ())
    assert _prefer_task([missing(1, 0.71, ("firms", "international")), *others, whole])[1].clause.task_no == 7
    # The first misses one word only: a task far below it does not displace it.
    assert _prefer_task([missing(1, 0.86, ("firms",)), *others, whole])[1].clause.task_no == 1


def test_a_body_paragraph_does_not_displace_a_task_by_holding_more_words() -> None:
    # A section's paragraph repeats the words of every task under it.
    task, body = candidate(1, 0.4, 1.0), candidate(None, 0.9, 0.99)
    assert _prefer_task([task, body])[1].clause.task_no == 1


def test_stems_are_right_from_many_threads_at_once() -> None:
    from concurrent.futures import ThreadPoolExecutor

    from service.answering.terms import _stemmer

    words = [f"{w}{suffix}" for w in ("develop", "control", "regulat", "nurs", "process", "connect")
             for suffix in ("er", "ers", "ed", "ing", "ment", "ments", "ion", "ions")]
    expected = [_stemmer().stemWord(w) for w in words]

    def stem_all(_: int) -> list[str]:
        return [_stemmer().stemWord(w) for w in words for _ in range(20)][::20]

    with ThreadPoolExecutor(8) as pool:
        assert all(got == expected for got in pool.map(stem_all, range(64)))


class _Tokens:
    """The two things soft_terms asks of an evidence checker."""

    @staticmethod
    def tokens_of(clause: Clause) -> frozenset[str]:
        return frozenset((clause.text_en or "").lower().split())


def test_a_word_no_nearby_clause_holds_counts_a_quarter_and_only_when_an_agency_is_asked() -> None:
    from service.answering.decide import soft_terms
    from service.answering.types import Part

    clause = Clause("c1", "测发〔2024〕1号", "测试方案", "一、任务", "task", 1, "推动外籍人员子女入学便利化", (), 1, 1,
                    text_en="facilitate school enrolment for children of foreign staff")
    kids, school, wife, children = en("kids"), en("school"), en("wife"), en("children")
    who = Part("q", "agency", "lead", (kids, school, wife, children))
    assert soft_terms(who, [Hit(clause, 1.0)], _Tokens()) == {kids, wife}
    # Beside one word the notices use, only if that word picks out a few clauses: one that most nearby clauses
    # hold ("supervision") leaves the rest of the question as the matter asked about (out of scope).
    three = Part("q", "agency", "lead", (kids, school, wife))
    assert soft_terms(three, [Hit(clause, 1.0)], _Tokens()) == {kids, wife}
    assert soft_terms(three, [Hit(clause, 1.0)] * 4, _Tokens()) == frozenset()
    share, missing = coverage([kids, school, wife], "", _Tokens.tokens_of(clause), frozenset({kids, wife}))
    assert share == 1 / 1.5 and missing == [kids, wife]  # 1 of (1 + 0.25 + 0.25)
    # A compound names the thing asked about ("secondary schools"): never soft.
    compound = Term("secondary schools", frozenset({"secondary", "schools"}), ("中学",))
    assert soft_terms(Part("q", "agency", "lead", (compound, school)), [Hit(clause, 1.0)], _Tokens()) == frozenset()
    # A value or a yes/no keeps every word: there the unprinted word is what is asked for.
    how_much = Part("q", "value", None, (kids, school, wife), value_kind="money")
    assert soft_terms(how_much, [Hit(clause, 1.0)], _Tokens()) == frozenset()


def test_a_vague_quantity_is_not_a_count() -> None:
    from service.answering.evidence import values

    assert values("在全市重点培育和认定一批数字贸易特色发展示范基地", "count") == []
    assert values("成立10个专项工作组", "count") == ["10个"]


def test_hong_kong_macao_and_taiwan_printed_together_are_each_of_them() -> None:
    from types import SimpleNamespace

    from ingest.places import Place
    from service.answering.evidence import EvidenceChecker

    checker = SimpleNamespace(jurisdiction=lambda doc: set(), catalog=SimpleNamespace(text_of=lambda doc: ""))
    elderly = Clause("c3", "测发〔2024〕1号", "测试方案", "一、任务", "task", 3, "支持港澳台服务提供者投资的养老机构",
                     (), 1, 1)
    lawyers = Clause("c4", "测发〔2024〕1号", "测试方案", "一、任务", "task", 4, "支持港澳律师事务所", (), 1, 1)
    macao, taiwan = Place("Macau", "澳門", "Macau", "city"), Place("Taiwan", "中国台湾省", "Taiwan", "country")
    assert EvidenceChecker.place_ok(checker, macao, elderly)  # type: ignore[arg-type]
    assert EvidenceChecker.place_ok(checker, taiwan, elderly)  # type: ignore[arg-type]
    assert not EvidenceChecker.place_ok(checker, taiwan, lawyers)  # type: ignore[arg-type]


def test_an_english_answer_quotes_a_clause_without_a_rendering_short() -> None:
    from service.answering.compose import ZH_QUOTE_IN_EN, quote

    clause = Clause("c9", "测发〔2024〕1号", "测试方案", "一、任务", "task", 9, "推" * 200, (), 1, 1)
    said = quote(clause, "en")
    assert "no English rendering" in said and said.count("推") == ZH_QUOTE_IN_EN and said.endswith("…”")
    assert quote(clause, "zh").count("推") == 200  # a Chinese answer quotes it whole


def test_a_pilot_length_in_chinese_numerals_is_read() -> None:
    from types import SimpleNamespace

    from service.answering.handlers.document import _length

    def catalog_of(text: str) -> SimpleNamespace:
        clause = Clause("c1", "测发〔2024〕1号", "测试方案", "一、目标", "body", None, text, (), 1, 1)
        return SimpleNamespace(clauses_of=lambda doc, kinds=None: [clause])

    doc = SimpleNamespace(doc_number="测发〔2024〕1号", period=None)
    facts = {"doc": "测发〔2024〕1号", "title": "测试方案", "issuer": "测试市人民政府", "date": "2024年1月1日"}
    lines, cited = _length(doc, "zh", catalog_of("经过两年试点，形成一批可复制的经验。"), facts)  # type: ignore[arg-type]
    assert "2年" in lines[0] and cited
    lines, cited = _length(doc, "zh", catalog_of("开展为期一年的专项整治行动。"), facts)  # type: ignore[arg-type]
    assert not cited  # a campaign's year is not how long the notice's pilot runs


def test_an_english_answer_quotes_the_rare_words_phrases_of_a_chinese_only_clause() -> None:
    """A sentence holding a rare word of the question (IPv6) outweighs one holding two common ones (政府, 需要), and an
    English answer quotes only the run of phrases around it, marked where cut."""
    from index.analyzer import Analyzer
    from service.answering.handlers.passage import ZH_SPAN_IN_EN, best_sentences, best_span
    from service.answering.types import Part

    text = ("县级以上地方各级人民政府及国务院部门应当开设政务新媒体，其他单位可根据工作需要规范开设。"
            "严格按照集约节约的原则统筹移动客户端等应用系统建设，避免“一哄而上、一事一端、一单位一应用”，"
            "移动客户端要全面支持IPv6（互联网协议第6版），支持在不同终端便捷使用。")
    part = Part("require government mobile apps ipv6", "yesno", focus=(
        Term("require", frozenset({"require"}), ("需要", "要求")),
        Term("government", frozenset({"government"}), ("政府",)),
        Term("mobile", frozenset({"mobile"}), ("移动",)), Term("ipv6", frozenset({"ipv6"}))))
    analyzer = Analyzer()
    sentence = best_sentences(text, part, analyzer, keep=1)
    assert sentence.startswith("严格按照")
    span = best_span(sentence, part, analyzer)
    assert "IPv6" in span and span.startswith("…") and len(span) <= ZH_SPAN_IN_EN + 2
    assert best_span("短句，不截。", part, analyzer) == "短句，不截。"


def test_a_words_later_senses_are_translations_too() -> None:
    from ingest.dictionary import default_dictionary

    assert "布局" in default_dictionary().zh_for("layout")  # 布局: arrangement / composition / layout


def test_a_word_no_entry_glosses_is_looked_up_as_the_word_it_derives_from() -> None:
    from ingest.dictionary import default_dictionary

    d = default_dictionary()
    assert "登记" in d.zh_for("registration") and "工业" in d.zh_for("industrial") and "生态" in d.zh_for("ecological")
    # a word the dictionary glosses keeps its own senses: "officer" is no "office"
    assert "办公室" not in d.zh_for("officer")


def test_an_english_form_several_glossary_terms_share_means_each_of_them() -> None:
    """"supervision" renders 监管 and 督查: a clause printing either holds the question's word."""
    from index.analyzer import Analyzer
    from ingest.dictionary import default_dictionary
    from service.answering.terms import TermExtractor

    d = default_dictionary()
    assert {"监管", "督查"} <= set(d.glossary_zh("supervision")) and d.glossary_zh("Supervision")[0] == "监管"
    terms = TermExtractor(Analyzer(), d).terms("Which office treats it as a focus of supervision?")
    supervision = next(t for t in terms if t.surface == "supervision")
    assert supervision.zh[0] == "监管" and "督查" in supervision.zh


def test_the_sparse_sides_best_match_is_weighed_wherever_fusion_ranked_it() -> None:
    from service.answering.decide import Thresholds, decide
    from service.answering.types import Part

    def clause(i: int, text: str) -> Clause:
        return Clause(f"c{i}", "测发〔2024〕1号", "测试方案", "一、任务", "body", None, text, (), 1, 1)

    hits = [Hit(clause(i, "条款"), 1.0 - i / 100, dense=0.9, ranks={"dense": i + 1, "bm25": i + 2}) for i in range(7)]
    hits.append(Hit(clause(9, "请径向省发展改革委反映"), 0.5, dense=0.85, ranks={"dense": 27, "bm25": 1}))

    class Checker:  # holds the question's words only in the clause printing them
        def check(self, part: Part, c: Clause, soft: frozenset[Term] = frozenset()) -> Check:
            held = "径向" in c.text
            return Check(c, 1.0 if held else 0.0, () if held else ("径向",), None, None)

        def printed(self, doc_numbers: list[str]) -> list[str]:
            return []

    part = Part("径向反映", "description", focus=(Term("径向", zh=("径向",)),))
    d = decide(part, hits, Checker(), Thresholds())  # type: ignore[arg-type]
    assert d.answer is not None and d.answer.clause.clause_id == "c9"
    hits[-1].ranks["bm25"] = 2  # a lesser sparse match that far down is not weighed
    assert decide(part, hits, Checker(), Thresholds()).answer is None  # type: ignore[arg-type]


def test_a_verb_said_with_its_complement_is_half_held_by_the_verb_alone() -> None:
    reported = Term("报给", zh=("报给",))
    assert support(reported, "并于2023年1月15日前将工作方案报区人民政府办公室。", frozenset()) == 0.5
    assert support(reported, "将工作方案报给区人民政府办公室。", frozenset()) == 1.0
    assert support(reported, "将工作方案送区人民政府办公室。", frozenset()) == 0.0
    assert support(Term("报告", zh=("报告",)), "报区人民政府办公室。", frozenset()) == 0.0  # no complement: no part


def test_a_proper_name_names_a_thing_a_colloquial_word_does_not() -> None:
    from service.answering.evidence import names_a_thing

    # "华润蒲圻电厂三期": a project no clause names is another matter, not a paraphrase of one
    assert names_a_thing(Term("华润", zh=("华润",))) and names_a_thing(Term("蒲圻", zh=("蒲圻",)))
    assert not names_a_thing(Term("看病", zh=("看病",))) and not names_a_thing(Term("电厂", zh=("电厂",)))



def test_a_how_question_is_answered_by_the_phrase_printing_the_means() -> None:
    """"How should it reach the market?": the phrase saying by what means (通过…等方式) is the answer's, whatever
    phrase holds more of the question's words."""
    from index.analyzer import Analyzer
    from service.answering.handlers.passage import best_span
    from service.answering.types import Part

    sentence = ("围绕稳健中性的货币政策、优化融资结构和信贷结构等信贷政策,加强金融政策信息公开,"
                "通过政策通报会、银企对接会等方式,加大货币和金融业改革发展政策的宣传和预期引导,及时准确将政策意图传递给市场。")
    focus = (Term("monetary", frozenset({"monetary"}), ("货币",)),
             Term("financial", frozenset({"financial"}), ("金融",)), Term("market", frozenset({"market"}), ("市场",)))
    how = best_span(sentence, Part("how should it reach the market", "description", focus=focus), Analyzer())
    assert "政策通报会" in how, how
    what = best_span(sentence, Part("what does it say of the market", "description", focus=focus), Analyzer())
    assert "政策通报会" not in what, what
