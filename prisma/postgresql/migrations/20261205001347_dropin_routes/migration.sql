-- AlterEnum
ALTER TYPE "ApiKeyScope" ADD VALUE 'scrobble';

-- AlterTable
ALTER TABLE "ProxyKey" ADD COLUMN     "createdById" TEXT;

-- AddForeignKey
ALTER TABLE "ProxyKey" ADD CONSTRAINT "ProxyKey_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

