-- CreateTable
CREATE TABLE "TraktPlay" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "traktItemId" TEXT NOT NULL,
    "traktPlayId" INTEGER NOT NULL,
    "watchedAt" DATETIME NOT NULL,
    "season" INTEGER,
    "number" INTEGER,
    "episodeTitle" TEXT,
    CONSTRAINT "TraktPlay_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TraktPlay_traktItemId_fkey" FOREIGN KEY ("traktItemId") REFERENCES "TraktItem" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CatalogTitle" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "year" INTEGER,
    "overview" TEXT,
    "rating" REAL,
    "posterPath" TEXT,
    "episodes" TEXT,
    "fetchedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "TraktPlay_userId_watchedAt_idx" ON "TraktPlay"("userId", "watchedAt");

-- CreateIndex
CREATE INDEX "TraktPlay_traktItemId_idx" ON "TraktPlay"("traktItemId");

-- CreateIndex
CREATE UNIQUE INDEX "TraktPlay_userId_traktPlayId_key" ON "TraktPlay"("userId", "traktPlayId");

-- CreateIndex
CREATE INDEX "TraktItem_itemId_idx" ON "TraktItem"("itemId");

