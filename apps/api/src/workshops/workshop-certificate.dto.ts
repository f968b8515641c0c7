import { ApiProperty } from '@nestjs/swagger';
import type { MyWorkshopCertificate } from '@aula/contracts';

/** The participant's own participation certificate. */
export class MyWorkshopCertificateDto implements MyWorkshopCertificate {
  @ApiProperty({ example: '8M3K1Q7ZJ4X2C9R6T0V5W8Y3HD', description: 'Public verification code' })
  code: string;
  @ApiProperty({ format: 'date-time' }) issuedAt: string;
  @ApiProperty({ description: 'The public verification page of the code' }) verifyUrl: string;
  @ApiProperty() attendedHours: number;
  @ApiProperty() expectedHours: number;
}
