package com.shop.web

import com.shop.api.ApiPaths
import org.springframework.http.MediaType
import org.springframework.web.bind.annotation.*

@RestController
@RequestMapping(CatalogController.BASE)
class CatalogController(private val catalog: CatalogService) {

    companion object {
        const val BASE = "${ApiPaths.V1}/catalog"
        private const val CATEGORY = "/categories/{slug}"
    }

    /* Old endpoint, kept for reference:
       @GetMapping("/legacy") fun legacy() = catalog.legacy()
       /* nested */
    */
    @GetMapping(produces = [MediaType.APPLICATION_JSON_VALUE])
    fun index(): List<Category> = catalog.categories()

    @GetMapping(CATEGORY, "$CATEGORY/items")
    suspend fun category(@PathVariable slug: String): Category =
        catalog.category(slug)
            ?: throw NotFound("no category $slug")

    @RequestMapping(value = ["/refresh"], method = [RequestMethod.POST])
    fun refresh() {
        catalog.refresh()
    }

    private val banner = """
        @GetMapping("/banner")
    """.trimIndent()
}
