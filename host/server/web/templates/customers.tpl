{{%AUTOESCAPE context="HTML"}}<div class="heading-row">
<h1>{{T_customers_title}}</h1>
<a class="button" href="/customers/new">{{T_customers_new}}</a>
</div>
<form method="get" action="/customers" class="search" role="search">
<label for="q">{{T_customers_search}}</label>
<div class="search-row">
<input id="q" name="q" type="search" value="{{Q}}" hx-get="/customers" hx-trigger="input changed delay:300ms, search" hx-target="#customer-list" hx-select="#customer-list" hx-swap="outerHTML" hx-push-url="true">
<button type="submit" class="secondary">{{T_customers_search_submit}}</button>
</div>
</form>
<div id="customer-list" aria-live="polite">
{{#SAVED}}<p class="notice" role="status">{{T_customers_saved}}</p>
{{/SAVED}}{{#EMPTY}}<p class="empty">{{T_customers_empty}}</p>
{{/EMPTY}}{{#TABLE}}<table class="list">
<caption class="visually-hidden">{{T_customers_title}}</caption>
<thead><tr><th scope="col">{{T_customers_name}}</th><th scope="col">{{T_customers_email}}</th><th scope="col">{{T_customers_language}}</th></tr></thead>
<tbody>
{{/TABLE}}{{#ROW}}<tr><td data-label="{{T_customers_name}}"><a href="/customers/{{ID}}">{{NAME}}</a></td><td data-label="{{T_customers_email}}">{{EMAIL}}{{#NO_EMAIL}}<span aria-hidden="true">—</span><span class="visually-hidden">{{T_customers_no_email}}</span>{{/NO_EMAIL}}</td><td data-label="{{T_customers_language}}">{{LANGUAGE}}</td></tr>
{{/ROW}}{{#TABLE}}</tbody>
</table>
{{/TABLE}}{{#PAGER}}<nav class="pager" aria-label="{{T_customers_pages}}">
{{#PREV}}<a href="{{PREV_URL}}" rel="prev">{{T_customers_previous}}</a>
{{/PREV}}<span>{{T_customers_page}} {{PAGE}}</span>
{{#NEXT}}<a href="{{NEXT_URL}}" rel="next">{{T_customers_next}}</a>
{{/NEXT}}</nav>
{{/PAGER}}</div>
