ALTER TABLE "users" DROP COLUMN "profile_id" CASCADE;
DROP TABLE "profiles";
