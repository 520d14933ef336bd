DROP TABLE "first_t";
