-- CreateTable
CREATE TABLE "TranscodeSlot" (
    "slot" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "sessionId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TranscodeSlot_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "StreamSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "TranscodeSlot_sessionId_key" ON "TranscodeSlot"("sessionId");

