-- AlterTable
ALTER TABLE "WorkerHeartbeat" ADD COLUMN     "fdErrors" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "fdLimit" INTEGER,
ADD COLUMN     "lastFdErrorAt" TIMESTAMP(3),
ADD COLUMN     "openFds" INTEGER;

