"""Seed the Kazakh and English values of the rows the demo seeded before fields became translated.

Only empty columns are filled, and only where the Russian value is the one the demo wrote: rows an
administrator created or changed are left alone (the admin lists what is still missing).
"""

from django.db import migrations

# model name -> field -> Russian value -> (Kazakh, English); frozen copies of the demo data.
TRANSLATIONS = {
    "Partner": {"address": {"г. Астана": ("Астана қ.", "Astana"), "г. Алматы": ("Алматы қ.", "Almaty")}},
    "PartnerContact": {
        "position": {
            "главный специалист": ("бас маман", "chief specialist"),
            "начальник отдела": ("бөлім бастығы", "head of department"),
            "юрист": ("заңгер", "lawyer"),
            "заместитель руководителя": ("басшының орынбасары", "deputy head"),
            "координатор программ": ("бағдарламалар үйлестірушісі", "programme coordinator"),
            "инспектор": ("инспектор", "inspector"),
        }
    },
    "Memorandum": {
        "title": {
            "Меморандум о сотрудничестве по проблемам трудящихся-мигрантов": (
                "Еңбекші мигранттардың мәселелері бойынша ынтымақтастық туралы меморандум",
                "Memorandum of cooperation on the problems of migrant workers",
            )
        },
        "summary": {
            "Пятнадцать сторон договорились решать проблемы трудящихся-мигрантов совместно: обращения мигрантов направляются той стороне, которая может помочь.": (
                "Он "
                "бес "
                "тарап "
                "еңбекші "
                "мигранттардың "
                "мәселелерін "
                "бірлесіп "
                "шешуге "
                "келісті: "
                "мигранттардың "
                "өтініштері "
                "көмектесе "
                "алатын "
                "тарапқа "
                "жолданады.",
                "Fifteen "
                "parties "
                "agreed "
                "to "
                "solve "
                "the "
                "problems "
                "of "
                "migrant "
                "workers "
                "together: "
                "migrants' "
                "requests "
                "are "
                "referred "
                "to "
                "the "
                "party "
                "that "
                "can "
                "help.",
            )
        },
    },
    "Signatory": {"signed_by": {"руководитель": ("басшы", "head of the organisation")}},
    "Commitment": {
        "text": {
            "Рассматривать обращения трудящихся-мигрантов, направленные участниками меморандума, в установленные сроки.": (
                "Меморандум қатысушылары жолдаған еңбекші мигранттардың өтініштерін белгіленген мерзімде қарау.",
                "Consider "
                "the "
                "requests "
                "of "
                "migrant "
                "workers "
                "referred "
                "by "
                "the "
                "parties "
                "to "
                "the "
                "memorandum "
                "within "
                "the "
                "set "
                "time.",
            ),
            "Проводить проверки работодателей по сообщениям о нарушениях трудовых прав мигрантов.": (
                "Мигранттардың еңбек құқықтарының бұзылғаны туралы хабарламалар бойынша жұмыс берушілерді тексеру.",
                "Inspect employers on reports of violations of migrants' labour rights.",
            ),
            "Участвовать в совместных информационных кампаниях для мигрантов.": (
                "Мигранттарға арналған бірлескен ақпараттық науқандарға қатысу.",
                "Take part in joint information campaigns for migrants.",
            ),
            "Принимать и проверять сообщения о принудительном труде и торговле людьми.": (
                "Мәжбүрлі еңбек пен адам саудасы туралы хабарламаларды қабылдау және тексеру.",
                "Receive and check reports of forced labour and human trafficking.",
            ),
            "Направлять сотрудников на обучение работе с мигрантами.": (
                "Қызметкерлерді мигранттармен жұмыс істеуге оқытуға жіберу.",
                "Send staff to training on working with migrants.",
            ),
            "Обеспечивать доступ мигранта к юридической помощи при задержании.": (
                "Ұсталған мигранттың заң көмегіне қол жеткізуін қамтамасыз ету.",
                "Ensure a detained migrant has access to legal aid.",
            ),
            "Представлять интересы трудящихся-мигрантов в трудовых спорах.": (
                "Еңбек дауларында еңбекші мигранттардың мүдделерін білдіру.",
                "Represent migrant workers in labour disputes.",
            ),
            "Информировать мигрантов о трудовых правах, в том числе в отдалённых районах.": (
                "Мигранттарды еңбек құқықтары туралы, оның ішінде шалғай аудандарда хабардар ету.",
                "Inform migrants of their labour rights, including in remote districts.",
            ),
            "Оказывать мигрантам бесплатную юридическую и психологическую помощь.": (
                "Мигранттарға тегін заң және психологиялық көмек көрсету.",
                "Give migrants free legal and psychological help.",
            ),
            "Предоставлять временное убежище пострадавшим.": (
                "Зардап шеккендерге уақытша баспана беру.",
                "Provide temporary shelter to victims.",
            ),
            "Вести учёт обращений и обмениваться обобщёнными данными.": (
                "Өтініштерді есепке алу және жинақталған деректермен алмасу.",
                "Keep a record of requests and exchange aggregated data.",
            ),
        }
    },
}


def seed(apps, schema_editor):
    for model_name, fields in TRANSLATIONS.items():
        model = apps.get_model("memorandum", model_name)
        for field, values in fields.items():
            for russian, (kazakh, english) in values.items():
                rows = model.objects.filter(**{f"{field}_ru": russian})
                rows.filter(**{f"{field}_kk": ""}).update(**{f"{field}_kk": kazakh})
                rows.filter(**{f"{field}_en": ""}).update(**{f"{field}_en": english})


class Migration(migrations.Migration):
    dependencies = [("memorandum", "0002_translated_fields")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
