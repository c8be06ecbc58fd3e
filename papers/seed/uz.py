"""Uzbek (Latin script) texts of the client papers. Seeded unreviewed: a native speaker confirms them in the admin.

Uzbek Latin uses U+02BB (ʻ) in oʻ and gʻ and U+02BC (ʼ) for the tutuq belgisi.
"""

LABELS = {
    "client_code": "Mijoz kodi",
    "date": "Sana",
    "client_signature": "Mijozning imzosi",
    "staff_signature": "Xodimning imzosi",
    "staff_name": "Xodim (F.I.Sh.)",
    "office_contacts": "Ofis bilan bogʻlanish",
    "phone": "Telefon",
    "email": "E-pochta",
    "address": "Manzil",
    "consent_choice": "Nimaga rozi ekaningizni belgilang",
    "agree": "Ha",
    "disagree": "Yoʻq",
    "scope_store_data": "Menga yordam berish va ishimni yuritish uchun maʼlumotlarimni saqlash",
    "scope_share_partners": "Meni yoʻllaydigan hamkor tashkilotlarga kerakli maʼlumotlarni berish",
    "scope_share_law_enforcement": "Maʼlumotlarni huquqni muhofaza qilish organlariga (politsiya, prokuratura) berish",
    "scope_research": "Maʼlumotlarimni ismsiz (anonim) holda tadqiqot va hisobotlar uchun ishlatish",
    "where_to_go": "Qayerga borish kerak",
    "opening_hours": "Ish vaqti",
    "contact": "Bogʻlanish uchun shaxs",
    "visit_date": "Borish sanasi",
    "what_to_bring": "Oʻzingiz bilan olib keling",
    "name": "Ism",
    "bring_passport": "Pasport (yoki shaxsni tasdiqlovchi boshqa hujjat)",
    "bring_migration_card": "Migratsiya kartasi",
    "bring_registration": "Roʻyxatdan oʻtganlik haqidagi hujjat (vaqtinchalik roʻyxat)",
    "bring_work_permit": "Ishlash uchun ruxsatnoma (mehnat immigrantiga ruxsatnoma)",
    "bring_contract": "Mehnat shartnomasi, agar boʻlsa",
    "bring_pay_records": "Ish haqi haqidagi yozuvlar: hisob varaqalari, pul oʻtkazmalari, ish beruvchi bilan yozishmalar",
    "bring_problem_papers": "Muammoingizga oid barcha qogʻozlar (qarorlar, bayonnomalar, maʼlumotnomalar)",
    "bring_this_slip": "Ushbu varaqa",
}

CONSENT = (
    "Shaxsga doir maʼlumotlarni saqlash va ulardan foydalanishga rozilik",
    """Biz — {{ organisation }}, {{ office_name }}. Biz mehnat muhojirlari va ularning oilalariga bepul yordam beramiz: huquqiy va psixologik masalalar boʻyicha maslahat beramiz hamda yordam bera oladigan tashkilotlarga yoʻllaymiz. Sizga yordam berish uchun siz haqingizda baʼzi maʼlumotlarni yozib olishimiz kerak. Ushbu varaqa nimani va nima uchun saqlashimizni hamda uni kim koʻrishini tushuntiradi. Nimaga rozi ekaningizni oʻzingiz hal qilasiz.

# Biz nimani saqlaymiz
- ismingiz, jinsingiz, tugʻilgan yilingiz yoki sanangiz, fuqaroligingiz va tillaringiz;
- siz bilan qanday bogʻlanish mumkinligi: telefon, messenjer, shahar;
- migratsiya holatingiz, hujjatlaringiz va ishingiz — faqat ishingiz uchun keraklisi;
- muammoingiz, maslahatlarimiz va ish boʻyicha nima qilingani;
- oʻzingiz bergan hujjatlarning nusxalari.

# Nima uchun
Sizga yordam berish va har safar bir narsani qayta soʻramasdan ishingizni yuritish uchun. Donorlar uchun hisobotlarda biz faqat umumiy raqamlarni koʻrsatamiz, ular orqali odamni tanib boʻlmaydi.

# Maʼlumotlaringizni kim koʻradi
- ishingiz bilan shugʻullanadigan ofisimiz xodimlari va ularning rahbarlari;
- hamkor tashkilot — faqat siz rozi boʻlsangiz va faqat yordam uchun keraklisini;
- politsiya, prokuratura va boshqa huquqni muhofaza qilish organlari — faqat siz bunga alohida rozilik bergan boʻlsangiz;
- psixolog yozuvlarini faqat psixolog koʻradi.
Kartochkangizni har bir koʻrish qayd etiladi. Biz maʼlumotlaringizni sotmaymiz va eʼlon qilmaymiz.

# Sizning huquqlaringiz
Istalgan vaqtda biz siz haqingizda nimani saqlayotganimizni bilishingiz, nusxasini olishingiz, xatolarni tuzattirishingiz va maʼlumotlaringizni oʻchirishni soʻrashingiz mumkin. Bu Qozogʻiston Respublikasining «Shaxsga doir maʼlumotlar va ularni himoya qilish toʻgʻrisida»gi Qonunida nazarda tutilgan.

# Rozilikni qanday qaytarib olish mumkin
Bu haqda bizga istalgan vaqtda shaxsan, telefon orqali yoki yozma ravishda xabar bering. Biz qaytarib olingan sanani belgilaymiz va maʼlumotlaringizni boshqa hech kimga bermaymiz. Rozilik bermasangiz yoki uni qaytarib olsangiz ham, biz sizga maslahat beramiz.""",
)

RIGHTS = (
    "Qozogʻistonda mehnat muhojiri sifatidagi huquqlaringiz",
    """Ushbu varaqa asosiy huquqlaringiz haqida qisqacha aytib beradi. Qonunlar oʻzgarib turadi: shubhangiz boʻlsa, bizdan soʻrang — maslahat bepul va maxfiy.

# Hujjatlar
- Pasportingiz faqat sizga tegishli. Ish beruvchi uni olib qoʻyishga yoki ushlab turishga haqli emas.
- Turgan joyingiz boʻyicha oʻz vaqtida roʻyxatdan oʻting va qolish muddatlaringizni kuzatib boring. Sanalaringizni tekshirishga yordam beramiz.
- Barcha hujjatlaringizning nusxalari yoki suratlarini asl nusxalaridan alohida saqlang.

# Ish
- Qirgʻiziston fuqarolari (Yevroosiyo iqtisodiy ittifoqi davlati) ishlash uchun ruxsatnomasiz, mehnat shartnomasi asosida ishlashi mumkin.
- Oʻzbekiston va Tojikiston fuqarolariga mehnat immigrantiga ruxsatnoma kerak; uni oʻz vaqtida uzaytirish va har oy toʻlab borish kerak.
- Oʻzingiz tushunadigan tilda yozma mehnat shartnomasini talab qiling. Tushunmagan narsangizga imzo qoʻymang.
- Sizga eng kam ish haqidan kam boʻlmagan maosh toʻliq va oʻz vaqtida toʻlanishi, qoʻshimcha ish esa alohida toʻlanishi kerak. Dam olish va dam olish kunlariga haqingiz bor.
- Ishda jarohat olsangiz, ish beruvchi baxtsiz hodisani rasmiylashtirishi shart.

# Sogʻliq va bolalar
- Tez va shoshilinch tibbiy yordam hammaga bepul koʻrsatiladi. 103 raqamiga qoʻngʻiroq qiling.
- Bolalaringiz maktabda oʻqishi mumkin. Bolani qabul qilishmasa, bizga murojaat qiling.

# Agar sizni politsiya toʻxtatsa
- Xotirjam boʻling va hujjatlaringizni koʻrsating.
- Xodimning ismi va lavozimini soʻrashga, tarjimon talab qilishga va advokat bilan bogʻlanishga haqingiz bor.
- Tushunmagan bayonnoma yoki tushuntirish xatiga imzo qoʻymang. Nusxasini soʻrang.
- Oʻz davlatingizning elchixonasi yoki konsulligiga murojaat qilishingiz mumkin.

# Xavf va zoʻravonlik
Agar sizni ishlashga majburlashsa, qoʻyib yubormasa, qoʻrqitsa yoki ursa — bu jinoyat. 102 (politsiya) yoki 112 raqamiga qoʻngʻiroq qiling va biz bilan bogʻlaning. Yordam bepul.

# Qayerga murojaat qilish mumkin
{{ office_name }}: {{ office_address }}, telefon {{ office_phone }}.
Favqulodda xizmatlar: 112, politsiya 102, tez yordam 103.""",
)

SLIP = (
    "Yoʻllanma",
    """Sizni quyidagi manzilda kutishadi. Kirishda ushbu varaqani koʻrsating. Yordam bepul.
Sizga yordam bera olishmasa, bizga qoʻngʻiroq qiling: {{ office_phone }}.""",
)
