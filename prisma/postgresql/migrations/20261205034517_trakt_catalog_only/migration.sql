-- CreateTable
CREATE TABLE "TraktPlay" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "traktItemId" TEXT NOT NULL,
    "traktPlayId" INTEGER NOT NULL,
    "watchedAt" TIMESTAMP(3) NOT NULL,
    "season" INTEGER,
    "number" INTEGER,
    "episodeTitle" TEXT,

    CONSTRAINT "TraktPlay_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CatalogTitle" (
    "key" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "year" INTEGER,
    "overview" TEXT,
    "rating" DOUBLE PRECISION,
    "posterPath" TEXT,
    "episodes" TEXT,
    "fetchedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CatalogTitle_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "TraktPlay_userId_watchedAt_idx" ON "TraktPlay"("userId", "watchedAt");

-- CreateIndex
CREATE INDEX "TraktPlay_traktItemId_idx" ON "TraktPlay"("traktItemId");

-- CreateIndex
CREATE UNIQUE INDEX "TraktPlay_userId_traktPlayId_key" ON "TraktPlay"("userId", "traktPlayId");

-- CreateIndex
CREATE INDEX "TraktItem_itemId_idx" ON "TraktItem"("itemId");

-- AddForeignKey
ALTER TABLE "TraktPlay" ADD CONSTRAINT "TraktPlay_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TraktPlay" ADD CONSTRAINT "TraktPlay_traktItemId_fkey" FOREIGN KEY ("traktItemId") REFERENCES "TraktItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

