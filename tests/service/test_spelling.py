"""Forgiving spelling: misspelt corpus words corrected, British forms made American, and never a function word or a
pinyin name "corrected" into a corpus word ("Could" is not "cloud")."""

from __future__ import annotations

from service.answering.spell import Speller, is_pinyin

CORPUS = ["cloud", "services", "computing", "license", "jiangbei", "program", "whether"]


def speller() -> Speller:
    return Speller(lambda: CORPUS)


def test_a_misspelt_corpus_word_is_corrected() -> None:
    assert speller().correct("cross-border servcies and cloud computng") == "cross-border services and cloud computing"


def test_british_spellings_are_made_american() -> None:
    assert speller().correct("a business licence programme") == "a business license program"


def test_function_words_and_pinyin_names_are_left_alone() -> None:
    s = speller()
    assert s.correct("Could our group set up here? Would they?") == "Could our group set up here? Would they?"
    assert is_pinyin("jiangbei") and s.correct_word("xinqu") == "xinqu"
    assert s.correct("the bureau's servcies") == "the bureau's services"  # a possessive is not a misspelling


def test_contractions_of_function_words_are_not_content_terms(hash_engine) -> None:  # type: ignore[no-untyped-def]
    question = hash_engine.answerer.understanding.understand(
        "We'd like to know: I'm told they're piloting architect-led design, don't they?")
    focus = {str(t) for p in question.parts for t in p.focus}
    assert not focus & {"we'd", "i'm", "they're", "don't"}, focus
    assert focus & {"architect-led", "architect", "design"}, focus


def test_a_five_letter_word_one_letter_off_a_corpus_word_is_a_word_the_corpus_lacks() -> None:
    s = Speller(lambda: [*CORPUS, "cases", "foreign"])
    assert s.correct_word("cafes") == "cafes"  # not "cases": the corpus lacks the word, it is not misspelt
    assert s.correct_word("forgn") == "foreign" and s.correct_word("servcies") == "services"


def test_accented_dictionary_glosses_are_found_unaccented() -> None:
    from ingest.dictionary import default_dictionary

    assert "网吧" in default_dictionary().zh_for("internet cafe")


def test_british_isation_is_ization() -> None:
    s = Speller(lambda: [*CORPUS, "securitization"])
    assert s.correct("IP securitisation") == "IP securitization"


def test_british_spellings_reach_the_dictionary_and_real_words_stay() -> None:
    from ingest.dictionary import american, default_dictionary

    d = default_dictionary()
    assert "中心" in d.zh_for("centre") and "概括" in d.zh_for("summarising") and "渠道" in d.zh_for("channelling")
    assert american("specialised") == "specialized" and american("labour") == "labor"
    # -ise is made -ize only where the word is not already one: premise, enterprise, advised are words.
    assert [american(w) for w in ("premise", "enterprises", "advised")] == ["premise", "enterprises", "advised"]
    assert Speller(lambda: [*CORPUS, "specialized"]).correct("specialised groups") == "specialized groups"


def test_a_chinese_word_typed_for_a_corpus_word_of_the_same_sound_is_heard_as_it() -> None:
    from service.answering.spell import PinyinIndex

    index = PinyinIndex(lambda: ["数字", "贸易", "商务局", "实施"])
    assert index.homophone("数子") == "数字" and index.homophone("商物局") == "商务局"
    assert index.homophone("数字") is None  # a corpus word is itself
    assert index.homophone("事实") is None  # shi shi like 实施, but no character in common: another word
    assert index.homophone("树子") is None  # two characters off


def test_a_question_the_first_reading_cannot_answer_is_heard_again(real_engine) -> None:  # type: ignore[no-untyped-def]
    from service.answering.types import Query

    a = real_engine.answerer.answer(Query("数子贸易规模2025年目标多少"))
    assert not a.abstained and "200" in a.text and a.cited[0].clause.doc_number == "宁委办发〔2022〕13号", a.text


def test_a_two_character_word_printed_split_by_a_coordinated_one() -> None:
    """中学 is printed inside 中小学 (中学 and 小学), 进口 inside 进出口: a question's word is found there."""
    from service.answering.spell import PinyinIndex

    index = PinyinIndex(lambda: ["允许", "中小学", "接收", "进出口", "开发区"])
    assert index.coordinated("中学") == ("中小学",) and index.coordinated("进口") == ("进出口",)
    assert index.coordinated("小学") == () and index.coordinated("中") == ()


def test_an_acronym_with_two_letters_swapped_is_corrected_in_a_chinese_question_too(real_engine) -> None:  # type: ignore[no-untyped-def]
    question = real_engine.answerer.understanding.understand("QDPL试点由哪些单位负责？")
    assert "QDLP" in question.text
    from service.answering.types import Query

    a = real_engine.answerer.answer(Query("数字贸易方案里QDPL试点由谁负责？"))
    assert not a.abstained and a.cited[0].clause.task_no == 8, a.text
