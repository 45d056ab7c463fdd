-- AlterTable
ALTER TABLE "User" ADD COLUMN     "canUpload" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Library" ADD COLUMN     "renditionLadder" TEXT NOT NULL DEFAULT 'off';

