package com.shop.web;

import java.util.List;
import org.springframework.web.bind.annotation.*;

/** Shared CRUD endpoints; each subclass mounts them under its own prefix. */
public abstract class CrudController<T, ID> {

    protected abstract CrudService<T, ID> service();

    @GetMapping
    public List<T> all() {
        return service().all();
    }

    @GetMapping("/{id}")
    public T one(@PathVariable ID id) {
        return service().one(id);
    }

    @PostMapping
    public T create(@RequestBody T body) {
        return service().save(body);
    }
}
