// The deletion collector's RESTRICT (refused unless the rows go anyway, as
// Django's documentation example), SET_DEFAULT and DO_NOTHING, and
// auto_now, on a schema of their own.
#include <catch2/catch.hpp>

#include "orm_fixture_rows.h"

using covet::Record;
using covet::Value;
using namespace covet::test;

namespace {

const char* const kMusic = R"Y(app: music
operations:
  - create_table:
      table: artists
      model: Artist
      fields:
        id: AutoField(primary_key=True)
        name: CharField(max_length=50)
        touched: DateTimeField(auto_now=True)
  - create_table:
      table: albums
      model: Album
      fields:
        id: AutoField(primary_key=True)
        artist: ForeignKey(artists, on_delete=CASCADE)
  - create_table:
      table: songs
      model: Song
      fields:
        id: AutoField(primary_key=True)
        artist: ForeignKey(artists, on_delete=CASCADE)
        album: ForeignKey(albums, on_delete=RESTRICT)
  - create_table:
      table: posters
      model: Poster
      fields:
        id: AutoField(primary_key=True)
        artist: ForeignKey(artists, on_delete=SET_DEFAULT, default=1000)
  - create_table:
      table: reviews
      model: Review
      fields:
        id: AutoField(primary_key=True)
        artist: ForeignKey(artists, on_delete=DO_NOTHING)
)Y";

Record artist(OrmHarness& o, const std::string& name) {
    return o.objects("Artist").create({{"name", name}});
}

}  // namespace

COVET_BACKEND_TEST("orm: RESTRICT refuses unless the restricted rows are deleted anyway") {
    OrmHarness o(h, kMusic);
    Record one = artist(o, "one");
    Record two = artist(o, "two");
    Record album_one = o.objects("Album").create({{"artist", one.pk()}});
    Record album_two = o.objects("Album").create({{"artist", two.pk()}});
    o.objects("Song").create({{"artist", one.pk()}, {"album", album_one.pk()}});
    Record song_two = o.objects("Song").create({{"artist", one.pk()}, {"album", album_two.pk()}});
    CHECK_THROWS_WITH(album_one.delete_(),
                      Catch::StartsWith("Cannot delete some instances of model 'Album' because "
                                        "they are referenced through restricted foreign keys: "
                                        "'Song.album'."));
    try {
        two.delete_();
        FAIL("artist two was deleted");
    } catch (const covet::ProtectedError& e) {
        CHECK(e.protected_rows() == std::vector<std::string>{"Song " + song_two.pk().to_string()});
    }
    CHECK(count_rows(o, "songs") == 2);
    CHECK(count_rows(o, "albums") == 2);
    CHECK(count_rows(o, "artists") == 2);
    const covet::DeleteResult result = one.delete_();
    CHECK(result.total == 4);
    CHECK(result.per_model == std::map<std::string, std::int64_t>{
                                  {"music.Album", 1}, {"music.Artist", 1}, {"music.Song", 2}});
    CHECK(count_rows(o, "songs") == 0);
    CHECK(count_rows(o, "albums") == 1);
    CHECK(count_rows(o, "artists") == 1);
}

COVET_BACKEND_TEST("orm: SET_DEFAULT gives the rows that pointed at a deleted row the default") {
    OrmHarness o(h, kMusic);
    o.objects("Artist").create({{"id", 1000}, {"name", "default"}});
    Record one = artist(o, "one");
    Record poster = o.objects("Poster").create({{"artist", one.pk()}});
    const covet::DeleteResult result = one.delete_();
    CHECK(result.per_model == std::map<std::string, std::int64_t>{{"music.Artist", 1}});
    CHECK(raw_int(o, "SELECT \"artist_id\" FROM \"posters\" WHERE \"id\" = ?", {poster.pk()}) ==
          1000);
}

COVET_BACKEND_TEST("orm: auto_now stamps every save") {
    OrmHarness o(h, kMusic);
    Record one = artist(o, "one");
    const Value first = one.get("touched");
    REQUIRE(first.kind() == Value::Kind::DateTime);
    CHECK_FALSE(
        raw_value(o, "SELECT \"touched\" FROM \"artists\" WHERE \"id\" = ?", {one.pk()}).is_null());
    one.set("touched", "2000-01-01T00:00:00");
    one.save();
    CHECK(one.get("touched").as_datetime() >= first.as_datetime());
    one.refresh_from_db();
    CHECK(one.get("touched").as_datetime() >= first.as_datetime());
}

COVET_BACKEND_TEST("orm: DO_NOTHING leaves the rows to the database, which refuses the delete") {
    OrmHarness o(h, kMusic);
    Record lone = artist(o, "lone");
    Record one = artist(o, "one");
    o.objects("Review").create({{"artist", one.pk()}});
    const covet::DeleteResult result = lone.delete_();
    CHECK(result.per_model == std::map<std::string, std::int64_t>{{"music.Artist", 1}});
    CHECK_THROWS_AS(one.delete_(), covet::IntegrityError);  // the foreign key still points at it
    CHECK(count_rows(o, "artists") == 1);
    CHECK(count_rows(o, "reviews") == 1);
}
