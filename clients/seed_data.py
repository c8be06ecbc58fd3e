"""Initial rows of the clients reference tables (code, Russian, Kazakh, English), loaded by a data migration."""

MIGRATION_STATUSES = [
    ("registered", "Зарегистрирован(а) по месту пребывания", "Тұрған жері бойынша тіркелген", "Registered"),
    ("work-permit", "Разрешение на работу или патент", "Жұмысқа рұқсат немесе патент", "Work permit or patent"),
    ("eaeu-worker", "Трудящийся ЕАЭС", "ЕАЭО еңбекшісі", "EAEU worker"),
    ("irregular", "Без законного статуса", "Заңды мәртебесіз", "Irregular"),
    ("unknown", "Неизвестно", "Белгісіз", "Unknown"),
    ("other", "Другое", "Басқа", "Other"),
]

# code, Russian, Kazakh, English, restricts access
VULNERABILITIES = [
    (
        "trafficking",
        "Подозрение на торговлю людьми или принудительный труд",
        "Адам саудасы немесе мәжбүрлі еңбек күдігі",
        "Suspected trafficking or forced labour",
        True,
    ),
    ("gbv", "Гендерное насилие", "Гендерлік зорлық-зомбылық", "Gender-based violence", True),
    ("minor", "Несовершеннолетний", "Кәмелетке толмаған", "Minor", False),
    ("disability", "Инвалидность", "Мүгедектік", "Disability", False),
    ("pregnancy", "Беременность", "Жүктілік", "Pregnancy", False),
    ("health", "Проблемы со здоровьем", "Денсаулық жағдайы", "Health condition", False),
    ("detention", "Задержание", "Ұстау", "Detention", False),
]
