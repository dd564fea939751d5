// The commented request template that zapros new and zapros init write.
#include <string>
#include <string_view>

#include "cli/starter.hpp"

namespace zapros::cli {

namespace {

// {schema}: the repository's JSON Schema, relative to the request's directory (request_template).
const char* const template_ru = R"(---
# yaml-language-server: $schema={schema}
# Информационный запрос редакции (ст. 38–40 Закона РФ «О средствах массовой информации»).
# Обязательны title и to, и пустыми они быть не могут. Остальные ключи можно раскомментировать;
# пустой ключ (date:, date: "", date: ~) — то же, что ключ, которого нет.
title: Информационный запрос        # заголовок: по центру, полужирным
lang: ru                            # ru или en: переносы, кавычки, слова бланка
to:                                 # адресат или список адресатов (по ГОСТ Р 7.0.97 — до четырёх)
  - Министерство иностранных дел Российской Федерации
  # - name: Министерство юстиции Российской Федерации  # адресат с реквизитами
  #   address: ул. Житная, д. 14, стр. 1, Москва, 119991  # почтовый адрес, под названием
  #   email: info@minjust.gov.ru    # получатель черновика письма (render --eml)
  #   slug: minjust                 # имя экземпляра: ИМЯ--minjust.pdf; без него — транслитерация
  #   delivered: 2024-03-18         # свои даты адресата (sent, delivered, answered) вместо общих
# from: |                           # блок отправителя, слева вверху, мелким кеглем
#   Интернет-издание «Название»
#   Свидетельство о регистрации СМИ Эл № ФС77-00000
# letterhead:                       # или бланк редакции на первой странице (тогда без from)
#   name: Интернет-издание «Название»
#   lines: |                        # регистрация, адрес, телефон, почта, сайт
#     Свидетельство о регистрации СМИ Эл № ФС77-00000
#     123456, Москва, ул. Примерная, д. 1
#   logo: logo.png                  # логотип: PNG или JPEG в папке запроса
#   layout: centered                # бланк по центру; без этого — угловой, слева вверху
# number: 17/2024                   # исходящий номер: «Исх. № 17/2024 от …» с датой из date
# reply-to: {number: 12-3/456, date: 2024-03-01}  # ответ на письмо: «На № … от …»
# opening: Уважаемый Иван Иванович! # обращение, по центру над текстом
# closing: С уважением,             # перед подписями
# enclosures:                       # «Приложение: 1. … на 2 л. в 1 экз.»; можно просто названия
#   - title: копия свидетельства о регистрации СМИ
#     sheets: 2                     # листов
#     copies: 1                     # экземпляров
signatures:                         # подписи: должность слева, строка для подписи, имя справа
  - role: Главный редактор
    # name: И. И. Иванов            # без имени — пустая строка, чтобы вписать от руки
    # image: signature.png          # скан подписи над строкой, около 15 мм (PNG с прозрачным фоном)
# stamp: {image: stamp.png, signature: 1}  # печать поверх левой части подписи № 1
# executor:                         # исполнитель, внизу последней страницы мелким кеглем
#   name: Петрова Анна Сергеевна
#   phone: +7 495 000-00-00
#   email: petrova@example.org
date:                               # ГГГГ-ММ-ДД (2024-01-31), печатается «31 января 2024 г.»; пусто — поле «Дата»
place:                              # место (Москва); пусто — поле, чтобы вписать от руки
# paper: letter                     # a4 (по умолчанию) или letter
# font-size: 14                     # кегль текста: 12 (по умолчанию), 13 или 14 пт, как допускает ГОСТ
# hyphenate: false                  # запретить переносы (так требуют некоторые ведомства)
# repeat-hyphen: true               # повторять дефис в начале новой строки (по ГОСТ)
# pdf-standard: none                # a-2u (по умолчанию: PDF/A-2u), a-2b или none (обычный PDF)
# split: true                       # ещё и экземпляр на каждого адресата: ИМЯ--SLUG.pdf
# email: |                          # текст черновиков .eml (render --eml); без него — текст запроса
#   Направляем информационный запрос редакции (во вложении).
# sent: 2024-03-15                  # отправлен; без даты — черновик (zapros list)
# delivered: 2024-03-18             # получен органом: от этого дня сроки ст. 40 (3 и 7 дней)
# answered: 2024-03-22              # пришёл ответ
---

В соответствии со статьями 38 и 39 Закона Российской Федерации "О средствах массовой информации" редакция направляет настоящий запрос и просит предоставить следующую информацию:

1) первый вопрос;
2) второй вопрос.

Ответ просим направить в течение семи дней со дня получения запроса[^srok].

[^srok]: Статья 39 Закона Российской Федерации "О средствах массовой информации".
)";

const char* const template_en = R"(---
# yaml-language-server: $schema={schema}
# An information request under arts. 38–40 of the Russian Mass Media Law.
# title and to are required and may not be empty. Uncomment the other keys as needed;
# a key written empty (date:, date: "", date: ~) is the same as a key left out.
title: Information Request          # centred, bold
lang: en                            # ru or en: hyphenation, quotes, the letter's fixed words
to:                                 # one addressee or a list (GOST R 7.0.97: at most four)
  - To the Ministry of Foreign Affairs of the Russian Federation
  # - name: To the Ministry of Justice of the Russian Federation  # an addressee with details
  #   address: 14 Zhitnaya St., bldg. 1, Moscow 119991  # the postal address, under the name
  #   email: info@minjust.gov.ru    # the e-mail draft's recipient (render --eml)
  #   slug: minjust                 # the copy's name: NAME--minjust.pdf; else transliterated
  #   delivered: 2024-03-18         # this addressee's own dates (sent, delivered, answered)
# from: |                           # sender block, top left, in a smaller size
#   Outlet name
#   Media registration certificate EL No. FS77-00000
# letterhead:                       # or the outlet's letterhead on page 1 (then no from)
#   name: Outlet name
#   lines: |                        # registration, address, phone, e-mail, site
#     Media registration certificate EL No. FS77-00000
#     1 Example St., Moscow 123456
#   logo: logo.png                  # the logo: a PNG or JPEG in the request's directory
#   layout: centered                # centred; without it, angular (the top-left block)
# number: 17/2024                   # outgoing number: "Ref. No. 17/2024 of …" with the date
# reply-to: {number: 12-3/456, date: 2024-03-01}  # the letter answered: "In reply to No. … of …"
# opening: Dear Mr. Ivanov,         # the salutation, centred above the text
# closing: Yours sincerely,         # before the signatures
# enclosures:                       # after the text, numbered, with sheets and copies; plain titles will do
#   - title: copy of the media registration certificate
#     sheets: 2
#     copies: 1
signatures:                         # role at the left, a line to sign on, the name at the right
  - role: Editor in chief
    # name: I. I. Ivanov            # no name: a blank line to write it by hand
    # image: signature.png          # a scanned signature over the line, about 15 mm high (PNG, transparent)
# stamp: {image: stamp.png, signature: 1}  # the seal over the left part of signature 1
# executor:                         # the person handling the request, foot of the last page
#   name: Anna Petrova
#   phone: +7 495 000-00-00
#   email: petrova@example.org
date:                               # YYYY-MM-DD (2024-01-31), printed "January 31, 2024"; empty: a "Date" blank
place:                              # the place (Moscow); empty: a blank to fill in by hand
# paper: letter                     # a4 (the default) or letter
# font-size: 14                     # the text's size: 12 (the default), 13 or 14 pt, as GOST allows
# hyphenate: false                  # no hyphenation (some offices forbid it)
# repeat-hyphen: true               # repeat an explicit hyphen at the start of the next line (GOST)
# pdf-standard: none                # a-2u (the default: PDF/A-2u), a-2b, or none (a plain PDF)
# split: true                       # also a copy per addressee: NAME--SLUG.pdf
# email: |                          # the .eml drafts' text (render --eml); else the request's text
#   Please find attached our information request.
# sent: 2024-03-15                  # sent; no date: a draft (zapros list)
# delivered: 2024-03-18             # received by the body: art. 40's 3 and 7 days run from here
# answered: 2024-03-22              # the answer came
---

In accordance with Articles 38 and 39 of the Law of the Russian Federation "On Mass Media", the editorial board submits this request and asks for the following information:

1) the first question;
2) the second question.

We ask for a reply within seven days of receipt of this request[^term].

[^term]: Article 39 of the Law of the Russian Federation "On Mass Media".
)";

}  // namespace

std::string request_template(const std::string& lang, const std::string& schema) {
    std::string text = lang == "en" ? template_en : template_ru;
    const std::string_view modeline = "# yaml-language-server: $schema={schema}\n";
    if (schema.empty()) text.erase(text.find(modeline), modeline.size());
    else text.replace(text.find("{schema}"), 8, schema);
    return text;
}

}  // namespace zapros::cli
