package com.shop.web;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("${shop.suppliers.path:/api/v1/suppliers}")
public class SupplierController extends CrudController<Supplier, String> {

    @Override
    protected CrudService<Supplier, String> service() {
        return suppliers;
    }
}
