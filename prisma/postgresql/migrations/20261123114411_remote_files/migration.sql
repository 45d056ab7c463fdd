-- AlterTable
ALTER TABLE "MediaFile" ADD COLUMN     "origin" TEXT NOT NULL DEFAULT 'local';

