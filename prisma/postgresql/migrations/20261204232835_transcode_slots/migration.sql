-- CreateTable
CREATE TABLE "TranscodeSlot" (
    "slot" INTEGER NOT NULL,
    "sessionId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TranscodeSlot_pkey" PRIMARY KEY ("slot")
);

-- CreateIndex
CREATE UNIQUE INDEX "TranscodeSlot_sessionId_key" ON "TranscodeSlot"("sessionId");

-- AddForeignKey
ALTER TABLE "TranscodeSlot" ADD CONSTRAINT "TranscodeSlot_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "StreamSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

