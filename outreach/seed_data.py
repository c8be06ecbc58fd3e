"""Starting lists of outreach points, agencies and materials, seeded by a data migration (editable in the admin)."""

# code, Russian, Kazakh, English
OUTREACH_POINTS = [
    ("market", "Рынок", "Базар", "Market"),
    ("construction-site", "Стройка", "Құрылыс алаңы", "Construction site"),
    ("dormitory", "Общежитие", "Жатақхана", "Dormitory"),
    ("border-post", "Пограничный пост", "Шекара бекеті", "Border post"),
    ("consulate", "Консульство", "Консулдық", "Consulate"),
    ("office", "Офис организации", "Ұйымның кеңсесі", "Our office"),
]

AGENCIES = [
    ("police", "Полиция", "Полиция", "Police"),
    ("migration-service", "Миграционная служба", "Көші-қон қызметі", "Migration service"),
    ("labour-inspection", "Трудовая инспекция", "Еңбек инспекциясы", "Labour inspection"),
    ("prosecutor", "Прокуратура", "Прокуратура", "Prosecutor's office"),
    ("court", "Суд", "Сот", "Court"),
    ("akimat", "Акимат", "Әкімдік", "Local government (akimat)"),
    ("border-service", "Пограничная служба", "Шекара қызметі", "Border service"),
    ("trade-union", "Профсоюз", "Кәсіподақ", "Trade union"),
    ("ngo", "НПО", "ҮЕҰ", "NGO"),
    ("other", "Другое ведомство", "Басқа ведомство", "Other agency"),
]

# code, kind, language code, Russian, Kazakh, English
MATERIALS = [
    (
        "rights-leaflet-uz",
        "leaflet",
        "uz-latn",
        "Памятка о правах (узбекский)",
        "Құқықтар туралы жадынама (өзбек тілінде)",
        "Rights leaflet (Uzbek)",
    ),
    (
        "rights-leaflet-ky",
        "leaflet",
        "ky",
        "Памятка о правах (кыргызский)",
        "Құқықтар туралы жадынама (қырғыз тілінде)",
        "Rights leaflet (Kyrgyz)",
    ),
    (
        "rights-leaflet-tg",
        "leaflet",
        "tg",
        "Памятка о правах (таджикский)",
        "Құқықтар туралы жадынама (тәжік тілінде)",
        "Rights leaflet (Tajik)",
    ),
    (
        "rights-leaflet-ru",
        "leaflet",
        "ru",
        "Памятка о правах (русский)",
        "Құқықтар туралы жадынама (орыс тілінде)",
        "Rights leaflet (Russian)",
    ),
    ("hotline-card-ru", "card", "ru", "Карточка горячей линии", "Сенім телефонының карточкасы", "Hotline card"),
    (
        "police-brochure-ru",
        "brochure",
        "ru",
        "Брошюра для сотрудников полиции",
        "Полиция қызметкерлеріне арналған брошюра",
        "Brochure for police officers",
    ),
    (
        "poster-kk",
        "poster",
        "kk",
        "Плакат «Ваши права» (казахский)",
        "«Сіздің құқықтарыңыз» плакаты (қазақ тілінде)",
        "“Your rights” poster (Kazakh)",
    ),
]
