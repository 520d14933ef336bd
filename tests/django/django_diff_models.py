"""The Django side of tests/integration/django_diff.cpp's schema: an
installed app `diffapp` and its models over the tables covet migrated
(managed = False, db_table), for tests/django/django_diff.py."""

import os
import sys

from django_same_database import database_settings


def configure(url):
    """Django with an installed app `diffapp` (made here, without files):
    reverse relations and the deletion collector see only installed apps."""
    import types

    import django
    from django.conf import settings

    app = types.ModuleType("diffapp")
    app.__path__ = [os.path.dirname(os.path.abspath(__file__))]
    sys.modules["diffapp"] = app
    settings.configure(
        DATABASES={"default": database_settings(url)},
        INSTALLED_APPS=["diffapp"],
        USE_TZ=True,
        TIME_ZONE="UTC",
        DEFAULT_AUTO_FIELD="django.db.models.AutoField",
    )
    django.setup()


def define_models():
    from django.db import models

    class Author(models.Model):
        name = models.CharField(max_length=100)
        email = models.CharField(max_length=100, null=True)
        age = models.IntegerField(null=True)
        born = models.DateField(null=True)

        class Meta:
            app_label = "diffapp"
            db_table = "dd_author"
            managed = False
            ordering = ["name"]

    class Tag(models.Model):
        name = models.CharField(max_length=50)

        class Meta:
            app_label = "diffapp"
            db_table = "dd_tag"
            managed = False

    class Book(models.Model):
        title = models.CharField(max_length=200)
        author = models.ForeignKey(Author, models.CASCADE, related_name="books")
        editor = models.ForeignKey(Author, models.SET_NULL, null=True, related_name="edited")
        price = models.DecimalField(max_digits=8, decimal_places=2)
        rating = models.FloatField(null=True)
        pages = models.IntegerField(default=0)
        published = models.DateTimeField(null=True)
        tags = models.ManyToManyField(Tag, related_name="books")

        class Meta:
            app_label = "diffapp"
            db_table = "dd_book"
            managed = False
            ordering = ["title"]

    class Review(models.Model):
        book = models.ForeignKey(Book, models.CASCADE, related_name="reviews")
        stars = models.IntegerField()
        text = models.TextField(null=True)

        class Meta:
            app_label = "diffapp"
            db_table = "dd_review"
            managed = False

    return Author, Tag, Book, Review
