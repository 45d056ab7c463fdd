-- AlterEnum
ALTER TYPE "LibraryType" ADD VALUE 'mixed';

-- CreateTable
CREATE TABLE "LibraryFolder" (
    "id" TEXT NOT NULL,
    "libraryId" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LibraryFolder_pkey" PRIMARY KEY ("id")
);

-- Each existing library's one path becomes its first folder (before the column goes).
INSERT INTO "LibraryFolder" ("id", "libraryId", "path", "createdAt")
SELECT 'folder_' || "id", "id", "path", "createdAt" FROM "Library";

-- CreateIndex
CREATE UNIQUE INDEX "LibraryFolder_path_key" ON "LibraryFolder"("path");

-- CreateIndex
CREATE INDEX "LibraryFolder_libraryId_idx" ON "LibraryFolder"("libraryId");

-- AddForeignKey
ALTER TABLE "LibraryFolder" ADD CONSTRAINT "LibraryFolder_libraryId_fkey" FOREIGN KEY ("libraryId") REFERENCES "Library"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- DropIndex
DROP INDEX "Library_path_key";

-- AlterTable
ALTER TABLE "Library" DROP COLUMN "path",
ADD COLUMN     "scanIntervalMinutes" INTEGER,
ADD COLUMN     "sortedType" "LibraryType";
