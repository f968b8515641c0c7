import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxEvent } from './outbox-event.entity';
import { OutboxService } from './outbox.service';

export const OUTBOX_ENTITIES = [OutboxEvent];

@Global()
@Module({
  imports: [TypeOrmModule.forFeature(OUTBOX_ENTITIES)],
  providers: [OutboxService],
  exports: [OutboxService],
})
export class OutboxModule {}
