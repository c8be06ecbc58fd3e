"""Factories of the clients app. ClientFactory fills derived fields (search key) like the services do."""

import io
import zipfile

import factory
from django.core.files.base import ContentFile

from clients.models import (
    Client,
    ClientCodeCounter,
    ClientDocument,
    ClientMerge,
    ClientPhone,
    Consent,
    FamilyMember,
    MigrationStatus,
    Relation,
    Sex,
    Vulnerability,
)
from clients.services import refresh_derived_fields
from tests.factories import OfficeFactory, country


def _image(fmt: str) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 30, 30)).save(buffer, format=fmt)
    return buffer.getvalue()


def _pdf() -> bytes:
    import pikepdf

    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(200, 200))
    buffer = io.BytesIO()
    pdf.save(buffer)
    return buffer.getvalue()


# Real (tiny) files: uploads are opened and checked, images re-encoded (clients/uploads.py).
PDF_BYTES = _pdf()
PNG_BYTES = _image("PNG")
JPEG_BYTES = _image("JPEG")


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


class MigrationStatusFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MigrationStatus
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"status-{n}")
    name_ru = name_kk = name_en = factory.LazyAttribute(lambda o: o.code)


class VulnerabilityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Vulnerability
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"vulnerability-{n}")
    name_ru = name_kk = name_en = factory.LazyAttribute(lambda o: o.code)
    restricts_access = False


class ClientFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Client
        skip_postgeneration_save = True

    office = factory.SubFactory(OfficeFactory)
    code = factory.Sequence(lambda n: f"TST-2026-{n:05d}")
    family_name = factory.Iterator(["Каримов", "Юсупов", "Asanov", "Rahmonov", "Тоштемиров"])
    given_name = factory.Iterator(["Рустам", "Бекзод", "Azamat", "Daler", "Шерзод"])
    sex = Sex.MALE
    birth_year = 1990
    citizenship = factory.LazyFunction(lambda: country("uz"))

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        client = model_class(*args, **kwargs)
        refresh_derived_fields(client)
        client.save()
        return client

    @factory.post_generation
    def vulnerabilities(self, create, extracted, **kwargs):
        if create and extracted:
            self.vulnerabilities.set(extracted)
            self.is_restricted = any(v.restricts_access for v in extracted)
            Client.objects.filter(pk=self.pk).update(is_restricted=self.is_restricted)

    @factory.post_generation
    def assigned_staff(self, create, extracted, **kwargs):
        if create and extracted:
            self.assigned_staff.set(extracted)


class ClientPhoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ClientPhone

    client = factory.SubFactory(ClientFactory)
    number = factory.Sequence(lambda n: f"+7701{n:07d}")


class FamilyMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FamilyMember

    client = factory.SubFactory(ClientFactory)
    relation = Relation.CHILD
    name = "Малика"
    sex = Sex.FEMALE
    birth_year = 2015
    schooling = "school"


class ConsentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Consent

    client = factory.SubFactory(ClientFactory)
    method = "written"
    store_data = True
    share_partners = True


class ClientDocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ClientDocument

    client = factory.SubFactory(ClientFactory)
    kind = "contract"
    title = "Трудовой договор"
    original_name = "Каримов_договор.pdf"
    content_type = "application/pdf"
    size = len(PDF_BYTES)
    file = factory.LazyFunction(lambda: ContentFile(PDF_BYTES, name="upload.pdf"))


class ClientCodeCounterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ClientCodeCounter

    office = factory.SubFactory(OfficeFactory)
    year = 2026
    last_number = 0


class ClientMergeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ClientMerge

    source = factory.SubFactory(ClientFactory)
    target = factory.SubFactory(ClientFactory)
    source_code = factory.LazyAttribute(lambda o: o.source.code)
    target_code = factory.LazyAttribute(lambda o: o.target.code)
