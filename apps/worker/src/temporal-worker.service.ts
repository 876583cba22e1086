import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { NativeConnection, Worker } from '@temporalio/worker';
import { DataSource } from 'typeorm';
import { AppConfig } from '@inspectorate/config';
import { CheckpointSigner, EventStore } from '@inspectorate/event-store';
import { Projector } from '@inspectorate/read-model';
import { dataConverter, temporalTls, tlsFilesOf } from '@inspectorate/temporal';
import { bundleWorkflows } from '@inspectorate/temporal/workflow-bundle';
import { createActivities } from './activities';

/**
 * Runs the Temporal worker for the lifetime of the process. On shutdown it stops polling,
 * lets running activities and workflow tasks finish (drains), then closes its connection.
 */
@Injectable()
export class TemporalWorkerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TemporalWorkerService.name);
  private worker?: Worker;
  private connection?: NativeConnection;
  private running?: Promise<void>;

  constructor(
    private readonly config: AppConfig,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const started = Date.now();
    this.connection = await NativeConnection.connect({ address: this.config.TEMPORAL_ADDRESS, tls: temporalTls(tlsFilesOf(this.config)) });
    const workflowSource = this.config.WORKFLOW_BUNDLE_PATH
      ? { workflowBundle: { codePath: this.config.WORKFLOW_BUNDLE_PATH } }
      : { workflowBundle: await bundleWorkflows() };
    this.worker = await Worker.create({
      connection: this.connection,
      namespace: this.config.TEMPORAL_NAMESPACE,
      taskQueue: this.config.TEMPORAL_TASK_QUEUE,
      ...workflowSource,
      activities: createActivities(new EventStore(this.dataSource, { checkpoints: new CheckpointSigner(this.config.CHAIN_CHECKPOINT_KEY) }), new Projector()),
      dataConverter: dataConverter(this.config.PAYLOAD_ENCRYPTION_KEYS),
      maxConcurrentActivityTaskExecutions: this.config.WORKER_MAX_CONCURRENT_ACTIVITIES,
      maxConcurrentWorkflowTaskExecutions: this.config.WORKER_MAX_CONCURRENT_WORKFLOW_TASKS,
      shutdownGraceTime: '20 seconds',
    });
    this.running = this.worker.run();
    this.running.catch((error: unknown) => this.logger.error(error instanceof Error ? error : String(error), 'The Temporal worker stopped with an error'));
    this.logger.log({ msg: 'worker polling', taskQueue: this.config.TEMPORAL_TASK_QUEUE, startupMs: Date.now() - started });
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.worker && this.worker.getState() === 'RUNNING') this.worker.shutdown();
    await this.running?.catch(() => undefined);
    this.logger.log('worker drained and stopped');
    await this.connection?.close();
  }
}

