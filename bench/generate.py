#!/usr/bin/env python3
"""Writes a request of about N pages with M notes (Russian or English) to stdout, for measuring
growth: python3 bench/generate.py --pages 100 --notes 300 > long.md

The text is the model request's own sentences in rotation, so hyphenation, the typographic rules
and the line breaker see real prose; notes are spread evenly, each a URL like the model's."""
import argparse
import sys

RU = [
    "В соответствии со статьями 38 и 39 Закона Российской Федерации «О средствах массовой информации» "
    "редакция направляет настоящий запрос о предоставлении информации и документов о международном "
    "сотрудничестве и обмене оперативной информацией в сфере противодействия киберпреступности.",
    "Вопросы обеспечения информационной безопасности и противодействия угрозам в этой сфере на протяжении "
    "последних лет неизменно остаются одним из приоритетов внешней политики России.",
    "Однако в 2011 г. МИД России опубликовал концепцию Конвенции об обеспечении международной информационной "
    "безопасности, разработанную Советом Безопасности Российской Федерации, Министерством иностранных дел и "
    "Институтом проблем информационной безопасности МГУ.",
    "Таким образом, Российская Федерация прилагает значительные усилия для поддержания и развития международного "
    "сотрудничества, в том числе обмена информацией, в сфере противодействия киберпреступности.",
    "Мы понимаем, что обмен информацией об оперативно-розыскной деятельности — весьма чувствительная тема, "
    "которая может затрагивать непубличные сферы, и просим указать конкретные причины отказа.",
]
EN = [
    "In accordance with Articles 38 and 39 of the Law of the Russian Federation \"On Mass Media\", the editorial "
    "board submits the current request for information and documents on international cooperation.",
    "The issues concerning information security and countering threats in this area has been consistently one "
    "of the priorities of Russian foreign policy over the past few years.",
    "However, in 2011 the Russian Foreign Ministry published the concept of the Convention on Ensuring "
    "International Information Security, developed by the Security Council of the Russian Federation.",
    "Thus, it can be seen that the Russian Federation is making significant efforts to maintain and promote "
    "international cooperation, including share of information, in the field of countering cybercrime.",
    "We are aware that sharing information concerning investigative activities is a very sensitive topic that "
    "may affect non-public spheres, and we ask you to indicate the specific reasons for a refusal.",
]
PARAGRAPHS_PER_PAGE = 5  # three sentences each: about five to a page of 12/15 pt text


def request(pages, notes=0, lang="ru"):
    """The text of a request of about `pages` pages with `notes` notes spread evenly."""
    sentences = RU if lang == "ru" else EN
    count = max(1, pages * PARAGRAPHS_PER_PAGE)
    every = count / notes if notes else 0
    out = ["---", "title: %s" % ("Информационный запрос" if lang == "ru" else "Information Request"),
           "lang: %s" % lang, "to: %s" % ("Министерство иностранных дел Российской Федерации" if lang == "ru"
                                           else "To the Ministry of Foreign Affairs of the Russian Federation"),
           "signatures:", "  - role: %s" % ("Главный редактор" if lang == "ru" else "Editor in chief"), "---", ""]
    marks = []
    next_note = 0.0
    for i in range(count):
        text = " ".join(sentences[(i + k) % len(sentences)] for k in range(3))
        while notes and len(marks) < notes and i >= next_note:
            n = len(marks) + 1
            text = text[:-1] + "[^%d]." % n
            marks.append("[^%d]: http://www.mid.ru/foreign_policy/official_documents/-/asset_publisher/%d" % (n, n))
            next_note += every
        out += [text, ""]
    return "\n".join(out + marks) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, required=True)
    ap.add_argument("--notes", type=int, default=0)
    ap.add_argument("--lang", choices=["ru", "en"], default="ru")
    a = ap.parse_args()
    sys.stdout.write(request(a.pages, a.notes, a.lang))


if __name__ == "__main__":
    main()
