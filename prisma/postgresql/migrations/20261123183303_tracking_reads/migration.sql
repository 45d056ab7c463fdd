-- CreateTable
CREATE TABLE "ShowWatch" (
    "userId" TEXT NOT NULL,
    "showId" TEXT NOT NULL,
    "watched" INTEGER NOT NULL,
    "lastWatchedAt" TIMESTAMP(3),
    "lastSeason" INTEGER NOT NULL,
    "lastNumber" INTEGER NOT NULL,

    CONSTRAINT "ShowWatch_pkey" PRIMARY KEY ("userId","showId")
);

-- CreateIndex
CREATE INDEX "ShowWatch_userId_lastWatchedAt_idx" ON "ShowWatch"("userId", "lastWatchedAt");

-- CreateIndex
CREATE INDEX "Episode_showId_airDate_idx" ON "Episode"("showId", "airDate");

-- CreateIndex
CREATE INDEX "WatchState_userId_positionSecs_idx" ON "WatchState"("userId", "positionSecs");

-- AddForeignKey
ALTER TABLE "ShowWatch" ADD CONSTRAINT "ShowWatch_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShowWatch" ADD CONSTRAINT "ShowWatch_showId_fkey" FOREIGN KEY ("showId") REFERENCES "MediaItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Backfill ShowWatch from the watch states already kept (lib/tracking/show-watch.ts keeps it from now on).
INSERT INTO "ShowWatch" ("userId", "showId", "watched", "lastWatchedAt", "lastSeason", "lastNumber")
SELECT w."userId", e."showId", COUNT(*), MAX(w."lastWatchedAt"),
       MAX(e."seasonNumber" * 100000 + e."number") / 100000, MAX(e."seasonNumber" * 100000 + e."number") % 100000
FROM "WatchState" w JOIN "Episode" e ON e."id" = w."episodeId"
WHERE w."watched" = TRUE AND e."seasonNumber" > 0
GROUP BY w."userId", e."showId";
