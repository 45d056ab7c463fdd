-- CreateIndex
CREATE INDEX "WatchState_userId_lastWatchedAt_idx" ON "WatchState"("userId", "lastWatchedAt");

