-- AlterTable
ALTER TABLE "User" ADD COLUMN     "gender" TEXT;

-- AlterTable
ALTER TABLE "MediaItem" ADD COLUMN     "rating" DOUBLE PRECISION;

-- AlterTable
ALTER TABLE "Season" ADD COLUMN     "fileNumber" INTEGER,
ADD COLUMN     "overview" TEXT;

