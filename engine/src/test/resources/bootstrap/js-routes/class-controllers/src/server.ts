import express, { Express } from 'express';
import { Controller } from './common/controller';

export class Server {
  private readonly app: Express;

  constructor(private readonly controllers: Controller[], health: { router: express.Router }) {
    this.app = express();
    this.app.use(express.json());
    this.mountControllers();
    this.app.use(health.router);
  }

  private mountControllers(): void {
    for (const controller of this.controllers) {
      this.app.use('/api', controller.router);
    }
  }

  public start(): void {
    this.app.listen(Number(process.env.PORT ?? 8080));
  }
}
