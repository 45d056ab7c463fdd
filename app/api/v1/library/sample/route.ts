// GET /api/v1/library/sample — is the sample media ready to add? POST — add it as 'Sample Movies' and 'Sample TV' (admin)
import { addSampleLibrariesContract, sampleOfferContract } from '@/lib/api/library-contracts';
import { handle, routes } from '@/lib/http/route';
import { addSampleLibraries, getSampleOffer } from '@/lib/library/sample-libraries';

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  handle(sampleOfferContract, () => getSampleOffer()),
  handle(addSampleLibrariesContract, () => addSampleLibraries()),
);
