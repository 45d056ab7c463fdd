-- AlterTable
ALTER TABLE "User" ADD COLUMN "gender" TEXT;

-- AlterTable
ALTER TABLE "MediaItem" ADD COLUMN "rating" REAL;

-- AlterTable
ALTER TABLE "Season" ADD COLUMN "fileNumber" INTEGER;
ALTER TABLE "Season" ADD COLUMN "overview" TEXT;

