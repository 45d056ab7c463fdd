-- AlterTable
ALTER TABLE "MediaItem" ADD COLUMN     "genres" TEXT,
ADD COLUMN     "matchInfo" TEXT,
ADD COLUMN     "matchStatus" TEXT NOT NULL DEFAULT 'none';

-- CreateTable
CREATE TABLE "Person" (
    "id" TEXT NOT NULL,
    "providerKey" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "profilePath" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Credit" (
    "id" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "character" TEXT,
    "job" TEXT,
    "department" TEXT,
    "order" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Credit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Person_providerKey_key" ON "Person"("providerKey");

-- CreateIndex
CREATE INDEX "Credit_itemId_kind_order_idx" ON "Credit"("itemId", "kind", "order");

-- CreateIndex
CREATE INDEX "Credit_personId_idx" ON "Credit"("personId");

-- CreateIndex
CREATE INDEX "MediaItem_matchStatus_idx" ON "MediaItem"("matchStatus");

-- AddForeignKey
ALTER TABLE "Credit" ADD CONSTRAINT "Credit_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "MediaItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Credit" ADD CONSTRAINT "Credit_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

