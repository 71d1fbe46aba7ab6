import { Request, Response } from 'express';
import { BaseController } from '../common/controller';

enum OrderPaths {
  Collection = '/orders',
  Item = '/orders/:orderId',
}

export class OrdersController extends BaseController {
  public readonly path = OrderPaths.Collection;

  constructor() {
    super();
    this.registerRoutes();
  }

  protected registerRoutes(): void {
    this.router.get(this.path, this.list);
    this.router.get(OrderPaths.Item, this.show.bind(this));
    this.router.post(`${this.path}`, this.create);
  }

  private list = async (req: Request, res: Response) => {
    res.json([]);
  };

  private show(req: Request, res: Response) {
    res.json({ id: req.params.orderId });
  }

  private create = (req: Request, res: Response) => res.status(201).end();
}
