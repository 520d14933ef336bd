// The ORM's test schema (app `library`): users, profiles, tags, posts,
// comments and people with every relation kind (FK, reverse FK, M2M, self
// M2M symmetrical and not; PROTECT, SET_NULL, CASCADE) and the typed fields
// (Decimal, DateTime, Date, UUID, JSON). One text for the integration
// harness (orm_harness.h) and the compiler's golden-SQL unit tests.
#pragma once

namespace covet::test {

inline constexpr const char* kOrmSchemaText = R"Y(app: library
operations:
  - create_table:
      table: profiles
      model: Profile
      fields:
        id: AutoField(primary_key=True)
        bio: TextField(blank=True, default='')
        website: URLField(null=True)
  - create_table:
      table: users
      model: User
      fields:
        id: AutoField(primary_key=True)
        name: CharField(max_length=100)
        email: EmailField(unique=True)
        age: IntegerField(null=True)
        active: BooleanField(default=True)
        created_at: DateTimeField(auto_now_add=True)
        profile: ForeignKey(profiles, on_delete=SET_NULL, null=True, related_name=users)
  - create_table:
      table: tags
      model: Tag
      fields:
        id: AutoField(primary_key=True)
        name: CharField(max_length=50, unique=True)
  - create_table:
      table: posts
      model: Post
      fields:
        id: AutoField(primary_key=True)
        title: CharField(max_length=200)
        body: TextField(blank=True, default='')
        author: ForeignKey(users, on_delete=CASCADE, related_name=posts)
        tags: ManyToManyField(tags, related_name=posts)
        view_count: IntegerField(default=0)
        rating: DecimalField(max_digits=5, decimal_places=2, null=True)
        published_at: DateTimeField(null=True)
      ordering: ["-published_at"]
  - create_table:
      table: comments
      model: Comment
      fields:
        id: AutoField(primary_key=True)
        post: ForeignKey(posts, on_delete=CASCADE)
        author: ForeignKey(users, on_delete=PROTECT, related_name=comments)
        text: TextField()
        day: DateField(null=True)
  - create_table:
      table: people
      model: Person
      fields:
        id: AutoField(primary_key=True)
        name: CharField(max_length=50)
        friends: ManyToManyField(self)
        follows: ManyToManyField(self, symmetrical=False, related_name=followers)
        mentor: ForeignKey(self, on_delete=SET_NULL, null=True, related_name=mentees)
        token: UUIDField(null=True)
        data: JSONField(null=True)
)Y";

}  // namespace covet::test
