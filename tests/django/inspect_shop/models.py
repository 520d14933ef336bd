"""A small Django 3.2 app whose tables covet adopts (django_inspect_app.py)."""

from django.db import models


class Author(models.Model):
    name = models.CharField(max_length=100)
    email = models.CharField(max_length=200, unique=True)
    born = models.DateField(null=True)

    class Meta:
        db_table = "author"


class Tag(models.Model):
    name = models.CharField(max_length=30)

    class Meta:
        db_table = "tag"


class Book(models.Model):
    title = models.CharField(max_length=200)
    author = models.ForeignKey(Author, on_delete=models.CASCADE)
    editor = models.ForeignKey(Author, null=True, on_delete=models.SET_NULL, related_name="edited")
    pages = models.IntegerField(default=0)
    published = models.DateTimeField(null=True)
    in_print = models.BooleanField(default=True)
    notes = models.TextField(blank=True)
    tags = models.ManyToManyField(Tag)

    class Meta:
        db_table = "book"
        unique_together = [("author", "title")]
        indexes = [models.Index(fields=["published"], name="book_published_idx")]
