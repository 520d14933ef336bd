#!/usr/bin/python3
# Prints the reverse accessor and lookup names Django gives the models of
# state_test_support.h (kDjangoModels): where the expectations of
# relation_index_test.cpp come from. Not run by CTest; needs Django 3.2
# (Debian: python3-django), run with the system python:
#   /usr/bin/python3 tests/unit/relation_names_django.py
import os
import sys
import tempfile

import django
from django.conf import settings

app_dir = tempfile.mkdtemp()
os.makedirs(os.path.join(app_dir, "blog"))
open(os.path.join(app_dir, "blog", "__init__.py"), "w").close()
sys.path.insert(0, app_dir)
settings.configure(INSTALLED_APPS=["blog"], DATABASES={})
django.setup()
from django.db import models  # noqa: E402


def model(model_name, **fields):
    meta = type("Meta", (), {"app_label": "blog"})
    return type(model_name, (models.Model,), dict(fields, __module__="blog.models", Meta=meta))


CASCADE = models.CASCADE
Author = model("Author", name=models.CharField(max_length=10))
Tag = model("Tag", name=models.CharField(max_length=10))
model("Post",
      author=models.ForeignKey("Author", CASCADE, related_name="posts"),
      editor=models.ForeignKey("Author", CASCADE),
      reviewer=models.ForeignKey("Author", CASCADE, related_name="+"),
      checker=models.ForeignKey("Author", CASCADE, related_name="checked+"),
      shadow=models.ForeignKey("Author", CASCADE, related_name="+", related_query_name="shadowed"),
      tags=models.ManyToManyField("Tag"),
      labels=models.ManyToManyField("Tag", related_name="labelled_posts",
                                    related_query_name="labelled"),
      hidden_tags=models.ManyToManyField("Tag", related_name="+"))
model("BlogEntry", author=models.ForeignKey("Author", CASCADE, related_query_name="entry"))
# Django makes a self relation symmetrical only when written 'self'; covet
# (SPEC.md §7) whenever it points at its own model.
Person = model("Person",
               friends=models.ManyToManyField("self"),
               follows=models.ManyToManyField("self", symmetrical=False),
               pals=models.ManyToManyField("self", related_name="palled"))
model("Profile",
      user=models.OneToOneField("Author", CASCADE),
      backup=models.OneToOneField("Author", CASCADE, related_name="spare"))

for target in (Author, Tag, Person):
    for rel in target._meta.get_fields(include_hidden=True):
        if not (rel.auto_created and not rel.concrete and rel.is_relation):
            continue
        if rel.related_model._meta.auto_created:
            continue  # the FKs of auto-created through tables
        print("%s <- %s.%s: accessor=%r query=%r hidden=%s" % (
            target.__name__, rel.related_model.__name__, rel.field.name,
            rel.get_accessor_name(), rel.field.related_query_name(), rel.is_hidden()))
