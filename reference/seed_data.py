"""Initial reference rows (code, Russian, Kazakh, English), loaded by a data migration."""

REGIONS = [
    ("astana", "Астана", "Астана", "Astana"),
    ("almaty-city", "Алматы", "Алматы", "Almaty"),
    ("shymkent", "Шымкент", "Шымкент", "Shymkent"),
    ("abai", "Абайская область", "Абай облысы", "Abai Region"),
    ("akmola", "Акмолинская область", "Ақмола облысы", "Akmola Region"),
    ("aktobe", "Актюбинская область", "Ақтөбе облысы", "Aktobe Region"),
    ("almaty-region", "Алматинская область", "Алматы облысы", "Almaty Region"),
    ("atyrau", "Атырауская область", "Атырау облысы", "Atyrau Region"),
    ("east-kazakhstan", "Восточно-Казахстанская область", "Шығыс Қазақстан облысы", "East Kazakhstan Region"),
    ("zhambyl", "Жамбылская область", "Жамбыл облысы", "Zhambyl Region"),
    ("zhetysu", "Область Жетісу", "Жетісу облысы", "Zhetysu Region"),
    ("west-kazakhstan", "Западно-Казахстанская область", "Батыс Қазақстан облысы", "West Kazakhstan Region"),
    ("karaganda", "Карагандинская область", "Қарағанды облысы", "Karaganda Region"),
    ("kostanay", "Костанайская область", "Қостанай облысы", "Kostanay Region"),
    ("kyzylorda", "Кызылординская область", "Қызылорда облысы", "Kyzylorda Region"),
    ("mangystau", "Мангистауская область", "Маңғыстау облысы", "Mangystau Region"),
    ("pavlodar", "Павлодарская область", "Павлодар облысы", "Pavlodar Region"),
    ("north-kazakhstan", "Северо-Казахстанская область", "Солтүстік Қазақстан облысы", "North Kazakhstan Region"),
    ("turkistan", "Туркестанская область", "Түркістан облысы", "Turkistan Region"),
    ("ulytau", "Область Ұлытау", "Ұлытау облысы", "Ulytau Region"),
]

COUNTRIES = [
    ("uz", "Узбекистан", "Өзбекстан", "Uzbekistan", "+998"),
    ("kg", "Кыргызстан", "Қырғызстан", "Kyrgyzstan", "+996"),
    ("tj", "Таджикистан", "Тәжікстан", "Tajikistan", "+992"),
    ("kz", "Казахстан", "Қазақстан", "Kazakhstan", "+7"),
    ("ru", "Россия", "Ресей", "Russia", "+7"),
    ("tm", "Туркменистан", "Түрікменстан", "Turkmenistan", "+993"),
    ("af", "Афганистан", "Ауғанстан", "Afghanistan", "+93"),
    ("az", "Азербайджан", "Әзірбайжан", "Azerbaijan", "+994"),
    ("am", "Армения", "Армения", "Armenia", "+374"),
    ("by", "Беларусь", "Беларусь", "Belarus", "+375"),
    ("cn", "Китай", "Қытай", "China", "+86"),
    ("ua", "Украина", "Украина", "Ukraine", "+380"),
    ("mn", "Монголия", "Моңғолия", "Mongolia", "+976"),
    ("stateless", "Лицо без гражданства", "Азаматтығы жоқ адам", "Stateless", ""),
    ("other", "Другое", "Басқа", "Other", ""),
]

LANGUAGES = [
    ("uz-latn", "Узбекский (латиница)", "Өзбек тілі (латын)", "Uzbek (Latin)"),
    ("uz-cyrl", "Узбекский (кириллица)", "Өзбек тілі (кирилл)", "Uzbek (Cyrillic)"),
    ("ky", "Кыргызский", "Қырғыз тілі", "Kyrgyz"),
    ("tg", "Таджикский", "Тәжік тілі", "Tajik"),
    ("ru", "Русский", "Орыс тілі", "Russian"),
    ("kk", "Казахский", "Қазақ тілі", "Kazakh"),
    ("en", "Английский", "Ағылшын тілі", "English"),
    ("other", "Другой", "Басқа", "Other"),
]
