"""The partners of the demo: the 2008 memorandum's 15 signatories and the partners outside it."""

# code, kind, name_ru, name_kk, name_en, region code or None (national), response days, problem category codes
SIGNATORIES = [
    (
        "labour-inspectorate",
        "government",
        "Государственная инспекция труда",
        "Мемлекеттік еңбек инспекциясы",
        "State Labour Inspectorate",
        None,
        10,
        ["unpaid-wages", "documents-withheld", "labour-contract", "injury"],
    ),
    (
        "ministry-labour",
        "government",
        "Министерство труда и социальной защиты населения РК",
        "ҚР Еңбек және халықты әлеуметтік қорғау министрлігі",
        "Ministry of Labour and Social Protection of the Population",
        None,
        15,
        ["work-permit", "labour-contract"],
    ),
    (
        "education-almaty",
        "government",
        "Управление образования города Алматы",
        "Алматы қаласының Білім басқармасы",
        "Almaty City Education Department",
        "almaty-city",
        10,
        ["schooling"],
    ),
    (
        "health-almaty",
        "government",
        "Управление общественного здравоохранения города Алматы",
        "Алматы қаласының Қоғамдық денсаулық сақтау басқармасы",
        "Almaty City Public Health Department",
        "almaty-city",
        10,
        ["medical-care"],
    ),
    (
        "ombudsman",
        "government",
        "Уполномоченный по правам человека в Республике Казахстан",
        "Қазақстан Республикасындағы Адам құқықтары жөніндегі уәкіл",
        "Human Rights Commissioner of Kazakhstan",
        None,
        20,
        ["detention", "trafficking", "detention"],
    ),
    (
        "migration-police",
        "law_enforcement",
        "Миграционная служба МВД (миграционная полиция)",
        "ІІМ Көші-қон қызметі (көші-қон полициясы)",
        "Migration Service of the Ministry of Internal Affairs (migration police)",
        None,
        10,
        ["registration", "return-home", "detention", "detention"],
    ),
    (
        "prosecutor-almaty",
        "law_enforcement",
        "Прокуратура города Алматы",
        "Алматы қаласының прокуратурасы",
        "Almaty City Prosecutor's Office",
        "almaty-city",
        15,
        ["unpaid-wages", "trafficking", "detention"],
    ),
    (
        "anti-trafficking-police",
        "law_enforcement",
        "Отдел по борьбе с торговлей людьми Департамента полиции г. Алматы",
        "Алматы қ. Полиция департаментінің адам саудасына қарсы күрес бөлімі",
        "Anti-Trafficking Unit of the Almaty Police Department",
        "almaty-city",
        7,
        ["trafficking", "trafficking"],
    ),
    (
        "ftuk",
        "trade_union",
        "Федерация профсоюзов Республики Казахстан",
        "Қазақстан Республикасының Кәсіподақтар федерациясы",
        "Federation of Trade Unions of Kazakhstan",
        None,
        14,
        ["unpaid-wages", "labour-contract", "injury"],
    ),
    (
        "construction-union",
        "trade_union",
        "Отраслевой профсоюз работников строительства и ЖКХ",
        "Құрылыс және ТКШ қызметкерлерінің салалық кәсіподағы",
        "Construction and Utilities Workers' Union",
        None,
        14,
        ["unpaid-wages", "injury"],
    ),
    (
        "agro-union",
        "trade_union",
        "Отраслевой профсоюз работников агропромышленного комплекса",
        "Агроөнеркәсіп кешені қызметкерлерінің салалық кәсіподағы",
        "Agro-Industrial Workers' Union",
        "turkistan",
        14,
        ["unpaid-wages", "labour-contract"],
    ),
    (
        "trade-services-union",
        "trade_union",
        "Профсоюз работников торговли и сферы услуг",
        "Сауда және қызмет көрсету саласы қызметкерлерінің кәсіподағы",
        "Trade and Services Workers' Union",
        None,
        14,
        ["unpaid-wages", "labour-contract"],
    ),
    (
        "crisis-centre",
        "ngo",
        "Кризисный центр «Подруги»",
        "«Подруги» дағдарыс орталығы",
        "Podrugi Crisis Centre",
        "almaty-city",
        5,
        ["violence", "psychological", "housing"],
    ),
    (
        "shelter",
        "ngo",
        "Приют для пострадавших от торговли людьми",
        "Адам саудасынан зардап шеккендерге арналған баспана",
        "Shelter for Victims of Trafficking",
        "almaty-city",
        3,
        ["trafficking", "trafficking", "housing"],
    ),
    (
        "human-rights-bureau",
        "ngo",
        "Казахстанское международное бюро по правам человека",
        "Қазақстан халықаралық адам құқықтары бюросы",
        "Kazakhstan International Bureau for Human Rights",
        None,
        10,
        ["detention", "detention", "registration"],
    ),
]

OTHER_PARTNERS = [
    (
        "embassy-tajikistan",
        "embassy",
        "Посольство Республики Таджикистан в Республике Казахстан",
        "Тәжікстан Республикасының Қазақстан Республикасындағы Елшілігі",
        "Embassy of the Republic of Tajikistan in Kazakhstan",
        "astana",
        10,
        ["return-home", "return-home"],
    ),
    (
        "ftu-uzbekistan",
        "trade_union",
        "Федерация профсоюзов Узбекистана",
        "Өзбекстан кәсіподақтар федерациясы",
        "Federation of Trade Unions of Uzbekistan",
        None,
        20,
        ["unpaid-wages", "labour-contract"],
    ),
    (
        "ftu-kyrgyzstan",
        "trade_union",
        "Федерация профсоюзов Кыргызстана",
        "Қырғызстан кәсіподақтар федерациясы",
        "Federation of Trade Unions of Kyrgyzstan",
        None,
        20,
        ["unpaid-wages", "labour-contract"],
    ),
]

# Each commitment as (ru, kk, en).
COMMITMENTS = {
    "government": [
        (
            "Рассматривать обращения трудящихся-мигрантов, направленные участниками меморандума, "
            "в установленные сроки.",
            "Меморандум қатысушылары жолдаған еңбекші мигранттардың өтініштерін белгіленген мерзімде қарау.",
            "Consider the requests of migrant workers referred by the parties to the memorandum within the set time.",
        ),
        (
            "Проводить проверки работодателей по сообщениям о нарушениях трудовых прав мигрантов.",
            "Мигранттардың еңбек құқықтарының бұзылғаны туралы хабарламалар бойынша жұмыс берушілерді тексеру.",
            "Inspect employers on reports of violations of migrants' labour rights.",
        ),
        (
            "Участвовать в совместных информационных кампаниях для мигрантов.",
            "Мигранттарға арналған бірлескен ақпараттық науқандарға қатысу.",
            "Take part in joint information campaigns for migrants.",
        ),
    ],
    "law_enforcement": [
        (
            "Принимать и проверять сообщения о принудительном труде и торговле людьми.",
            "Мәжбүрлі еңбек пен адам саудасы туралы хабарламаларды қабылдау және тексеру.",
            "Receive and check reports of forced labour and human trafficking.",
        ),
        (
            "Направлять сотрудников на обучение работе с мигрантами.",
            "Қызметкерлерді мигранттармен жұмыс істеуге оқытуға жіберу.",
            "Send staff to training on working with migrants.",
        ),
        (
            "Обеспечивать доступ мигранта к юридической помощи при задержании.",
            "Ұсталған мигранттың заң көмегіне қол жеткізуін қамтамасыз ету.",
            "Ensure a detained migrant has access to legal aid.",
        ),
    ],
    "trade_union": [
        (
            "Представлять интересы трудящихся-мигрантов в трудовых спорах.",
            "Еңбек дауларында еңбекші мигранттардың мүдделерін білдіру.",
            "Represent migrant workers in labour disputes.",
        ),
        (
            "Информировать мигрантов о трудовых правах, в том числе в отдалённых районах.",
            "Мигранттарды еңбек құқықтары туралы, оның ішінде шалғай аудандарда хабардар ету.",
            "Inform migrants of their labour rights, including in remote districts.",
        ),
    ],
    "ngo": [
        (
            "Оказывать мигрантам бесплатную юридическую и психологическую помощь.",
            "Мигранттарға тегін заң және психологиялық көмек көрсету.",
            "Give migrants free legal and psychological help.",
        ),
        (
            "Предоставлять временное убежище пострадавшим.",
            "Зардап шеккендерге уақытша баспана беру.",
            "Provide temporary shelter to victims.",
        ),
        (
            "Вести учёт обращений и обмениваться обобщёнными данными.",
            "Өтініштерді есепке алу және жинақталған деректермен алмасу.",
            "Keep a record of requests and exchange aggregated data.",
        ),
    ],
}

# name, position (ru, kk, en)
CONTACT_PEOPLE = [
    ("Асель Жумабекова", ("главный специалист", "бас маман", "chief specialist")),
    ("Бауыржан Оспанов", ("начальник отдела", "бөлім бастығы", "head of department")),
    ("Гульмира Сарсенова", ("юрист", "заңгер", "lawyer")),
    ("Ерлан Тулегенов", ("заместитель руководителя", "басшының орынбасары", "deputy head")),
    ("Жанар Ибраева", ("координатор программ", "бағдарламалар үйлестірушісі", "programme coordinator")),
    ("Нурлан Касымов", ("инспектор", "инспектор", "inspector")),
]

# Partner addresses by city (ru, kk, en): the demo knows only the city.
PARTNER_ADDRESSES = {
    "astana": ("г. Астана", "Астана қ.", "Astana"),
    "almaty": ("г. Алматы", "Алматы қ.", "Almaty"),
}

# Who signed for each party (ru, kk, en).
SIGNED_BY = ("руководитель", "басшы", "head of the organisation")

MEMORANDUM_TITLE = (
    "Меморандум о сотрудничестве по проблемам трудящихся-мигрантов",
    "Еңбекші мигранттардың мәселелері бойынша ынтымақтастық туралы меморандум",
    "Memorandum of cooperation on the problems of migrant workers",
)
MEMORANDUM_SUMMARY = (
    "Пятнадцать сторон договорились решать проблемы трудящихся-мигрантов "
    "совместно: обращения мигрантов направляются той стороне, которая может помочь.",
    "Он бес тарап еңбекші мигранттардың мәселелерін бірлесіп шешуге келісті: "
    "мигранттардың өтініштері көмектесе алатын тарапқа жолданады.",
    "Fifteen parties agreed to solve the problems of migrant workers together: "
    "migrants' requests are referred to the party that can help.",
)
