"""The starting problem taxonomy (../shared/DOMAIN.md), seeded by a data migration and editable in the admin.

Kept in a module of its own, not in the migration, so tests and the demo can use it too.
"""

# code, Russian, Kazakh, English
PROBLEM_CATEGORIES = [
    (
        "unpaid-wages",
        "Невыплата или удержание заработной платы",
        "Жалақының төленбеуі немесе ұсталуы",
        "Unpaid or withheld wages",
    ),
    (
        "documents-withheld",
        "Паспорт или документы удерживает работодатель",
        "Төлқұжатты немесе құжаттарды жұмыс беруші ұстап отыр",
        "Passport or documents kept by the employer",
    ),
    (
        "registration",
        "Регистрация и разрешение на пребывание",
        "Тіркеу және болуға рұқсат",
        "Registration and stay permits",
    ),
    ("work-permit", "Разрешения на работу и патенты", "Жұмысқа рұқсат және патенттер", "Work permits and patents"),
    ("labour-contract", "Трудовые споры по договору", "Еңбек шарты бойынша даулар", "Labour contract disputes"),
    ("injury", "Производственная травма", "Өндірістегі жарақат", "Injury at work"),
    (
        "detention",
        "Задержание, штрафы, выдворение или депортация",
        "Ұстау, айыппұлдар, шығарып жіберу немесе депортация",
        "Detention, fines, expulsion or deportation",
    ),
    (
        "trafficking",
        "Принудительный труд или торговля людьми",
        "Мәжбүрлі еңбек немесе адам саудасы",
        "Forced labour or trafficking",
    ),
    (
        "violence",
        "Домашнее или гендерное насилие",
        "Тұрмыстық немесе гендерлік зорлық-зомбылық",
        "Domestic or gender-based violence",
    ),
    ("medical-care", "Доступ к медицинской помощи", "Медициналық көмекке қолжетімділік", "Access to medical care"),
    (
        "schooling",
        "Школа и детский сад для детей",
        "Балаларға арналған мектеп және балабақша",
        "Schooling and kindergarten for children",
    ),
    ("housing", "Жильё", "Тұрғын үй", "Housing"),
    (
        "return-home",
        "Утрата документов и возвращение домой (посольство, консульство)",
        "Құжаттарды жоғалту және елге оралу (елшілік, консулдық)",
        "Lost documents and return home (embassy or consulate)",
    ),
    (
        "psychological",
        "Психологический дистресс, кризис, семейный конфликт",
        "Психологиялық күйзеліс, дағдарыс, отбасылық жанжал",
        "Psychological distress, crisis, family conflict",
    ),
]
