"""Every string the quiz shows, in Arabic and English; bank text is never translated.

Arabic strings put numbers after a label ("الوقت: 3:12") so no count needs a grammatical form.
"""

from __future__ import annotations

from dataclasses import dataclass

from quizgen.text.direction import primary_language

_MESSAGES: dict[str, dict[str, str]] = {
    "start": {
        "en": "{title} · {mode} · questions: {count}",
        "ar": "{title} · {mode} · عدد الأسئلة: {count}",
    },
    "mode_practice": {"en": "practice", "ar": "تدريب"},
    "mode_review": {"en": "review", "ar": "مراجعة"},
    "mode_exam": {
        "en": "exam (answers are shown at the end)",
        "ar": "امتحان (تظهر الإجابات في النهاية)",
    },
    "header": {
        "en": "Question {number} of {total} · {passages} · {kind}",
        "ar": "السؤال {number} من {total} · {passages} · {kind}",
    },
    "commands": {
        "en": "Type ? to see the passage, s to skip, q to quit (your progress is kept).",
        "ar": "اكتب ؟ لعرض الفقرة، أو s للتخطي، أو q للخروج (يُحفظ تقدّمك).",
    },
    "ask_mcq": {
        "en": "Answer with the option's letter or number (e.g. {letter} or {number}).",
        "ar": "أجب بحرف الخيار أو رقمه (مثل {letter} أو {number}).",
    },
    "ask_multi": {
        "en": "Choose every correct option: letters or numbers, e.g. {example}.",
        "ar": "اختر كل الخيارات الصحيحة بحروفها أو أرقامها، مثل {example}.",
    },
    "ask_true_false": {
        "en": "True or false? t or 1 for true, f or 2 for false.",
        "ar": "صح أم خطأ؟ اكتب ص أو 1 للصح، واكتب خ أو 2 للخطأ.",
    },
    "ask_short": {"en": "Type your answer.", "ar": "اكتب إجابتك."},
    "ask_cloze": {
        "en": "Fill in the blanks, one at a time.",
        "ar": "املأ الفراغات، واحداً بعد الآخر.",
    },
    "blank": {"en": "Blank {number} of {total}:", "ar": "الفراغ {number} من {total}:"},
    "ask_vocab": {
        "en": "Which word or phrase of the passage means “{gloss}”?",
        "ar": "ما الكلمة أو العبارة في الفقرة التي تعني «{gloss}»؟",
    },
    "vocab_sentence": {
        "en": "Type it as the passage spells it:",
        "ar": "اكتبها كما وردت في الفقرة:",
    },
    "ask_ordering": {
        "en": "Put them in order: type the letters from first to last, e.g. {example}.",
        "ar": "رتّبها: اكتب الحروف من الأول إلى الأخير، مثل {example}.",
    },
    "ask_matching": {
        "en": "For items 1, 2, 3… type the letter each one matches, in order, e.g. {example}.",
        "ar": "للعناصر 1 و2 و3… اكتب حرف ما يقابل كلاً منها بالترتيب، مثل {example}.",
    },
    "not_understood": {
        "en": "Not understood. {hint}",
        "ar": "لم أفهم الإجابة. {hint}",
    },
    "every_label_once": {
        "en": "Give all {count} letters, each exactly once.",
        "ar": "اكتب الحروف كلها، وعددها {count}، كل حرف مرة واحدة.",
    },
    "one_label": {"en": "Give one letter or number.", "ar": "اكتب حرفاً واحداً أو رقماً واحداً."},
    "passage": {"en": "Passage {passage}:", "ar": "الفقرة {passage}:"},
    "correct": {"en": "✓ Correct.", "ar": "✓ إجابة صحيحة."},
    "typo": {
        "en": "✓ Accepted, a typo forgiven: you wrote “{typed}”, the answer is “{answer}”.",
        "ar": "✓ إجابة مقبولة مع التجاوز عن خطأ إملائي: كتبتَ «{typed}» والإجابة «{answer}».",
    },
    "wrong": {"en": "✗ Wrong.", "ar": "✗ إجابة خاطئة."},
    "pairs_right": {
        "en": "Right: {right} of {total}.",
        "ar": "الصحيح منها: {right} من {total}.",
    },
    "your_answer": {"en": "Your answer: {answer}", "ar": "إجابتك: {answer}"},
    "correct_answer": {"en": "Correct answer: {answer}", "ar": "الإجابة الصحيحة: {answer}"},
    "explanation": {"en": "Why: {text}", "ar": "الشرح: {text}"},
    "evidence": {"en": "The article: “{quote}”", "ar": "من المقال: «{quote}»"},
    "recorded": {"en": "Answer recorded.", "ar": "سُجّلت الإجابة."},
    "skipped": {"en": "Skipped.", "ar": "تم التخطي."},
    "true": {"en": "true", "ar": "صح"},
    "false": {"en": "false", "ar": "خطأ"},
    "resumed": {
        "en": "Resuming your unfinished session: {answered} of {total} answered "
        "(--fresh starts a new one).",
        "ar": "استئناف جلستك غير المكتملة. عدد الإجابات: {answered} من {total} "
        "(الخيار \u200e--fresh يبدأ جلسة جديدة).",
    },
    "nothing_due": {
        "en": "Nothing is due for review and no question is new. Next review: {when}.",
        "ar": "لا شيء مستحق للمراجعة ولا أسئلة جديدة. موعد المراجعة التالية: {when}.",
    },
    "nothing_left": {
        "en": "No question left to ask.",
        "ar": "لم يبقَ سؤال.",
    },
    "score": {
        "en": "Score: {correct} of {answered} ({percent}%)",
        "ar": "النتيجة: {correct} من {answered} ({percent}%)",
    },
    "time": {"en": "Time: {time}", "ar": "الوقت: {time}"},
    "skipped_count": {"en": "Skipped: {count}", "ar": "الأسئلة المتخطاة: {count}"},
    "remaining": {
        "en": "Questions left: {count}. Run the same command to resume.",
        "ar": "الأسئلة المتبقية: {count}. شغّل الأمر نفسه لمتابعة الجلسة.",
    },
    "missed": {"en": "Missed:", "ar": "الأسئلة التي أخطأت فيها:"},
    "exam_report": {"en": "Exam report", "ar": "تقرير الامتحان"},
    "saved": {"en": "Progress saved in {path}", "ar": "حُفظ التقدّم في \u200e{path}\u200e"},
    "repeat": {
        "en": "Same questions again: --seed {seed}",
        "ar": "لإعادة الأسئلة نفسها: \u200e--seed {seed}",
    },
    "stats_database": {
        "en": "Progress database: {path}",
        "ar": "قاعدة بيانات التقدّم: \u200e{path}\u200e",
    },
    "stats_empty": {
        "en": "No answers recorded yet: run `quizgen quiz`.",
        "ar": "لم تُسجَّل أي إجابة بعد: شغّل الأمر \u200equizgen quiz\u200e.",
    },
    "stats_answers": {
        "en": "Answers recorded: {reviews} · correct: {percent}% · questions seen: {items}",
        "ar": "الإجابات المسجّلة: {reviews} · الصحيحة منها: {percent}% · الأسئلة المطروحة: {items}",
    },
    "stats_due": {
        "en": "Due now: {due} · today: {today} · this week: {week}",
        "ar": "المستحق للمراجعة الآن: {due} · اليوم: {today} · خلال أسبوع: {week}",
    },
    "stats_by_passage": {"en": "By passage", "ar": "حسب الفقرة"},
    "stats_by_type": {"en": "By type", "ar": "حسب نوع السؤال"},
    "stats_column_answers": {"en": "answers", "ar": "الإجابات"},
    "stats_column_correct": {"en": "correct", "ar": "الصحيحة"},
    "stats_column_due": {"en": "due", "ar": "مستحق"},
    "stats_column_today": {"en": "today", "ar": "اليوم"},
    "stats_column_week": {"en": "week", "ar": "أسبوع"},
}

_TYPE_NAMES: dict[str, dict[str, str]] = {
    "mcq": {"en": "multiple choice", "ar": "اختيار من متعدد"},
    "multi": {"en": "several answers", "ar": "عدة إجابات"},
    "true_false": {"en": "true or false", "ar": "صح أو خطأ"},
    "short": {"en": "short answer", "ar": "إجابة قصيرة"},
    "cloze": {"en": "fill in the blanks", "ar": "ملء الفراغات"},
    "matching": {"en": "matching", "ar": "توصيل"},
    "ordering": {"en": "ordering", "ar": "ترتيب"},
    "vocab": {"en": "vocabulary", "ar": "مفردات"},
}


@dataclass(frozen=True)
class Messages:
    """The interface strings of one language."""

    language: str

    @property
    def rtl(self) -> bool:
        return self.language == "ar"

    def __call__(self, key: str, **fields: object) -> str:
        return _MESSAGES[key][self.language].format(**fields)

    def type_name(self, question_type: str) -> str:
        return _TYPE_NAMES[question_type][self.language]


def ui_language_for(bank_languages: list[str]) -> str:
    """Arabic when every bank is Arabic, English otherwise."""
    arabic = [primary_language(language) == "ar" for language in bank_languages]
    return "ar" if arabic and all(arabic) else "en"
