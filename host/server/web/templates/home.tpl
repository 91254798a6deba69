{{%AUTOESCAPE context="HTML"}}<h1>{{T_home_welcome}}, {{USER}}</h1>
<p>{{T_home_role}} <strong>{{ROLE}}</strong>.</p>
<ul class="cards">
<li class="card">
<h2><a href="/customers">{{T_home_customers}}</a></h2>
<p>{{T_home_customers_text}}</p>
</li>
<li class="card">
<h2><a href="/invoices">{{T_home_invoices}}</a></h2>
<p>{{T_home_invoices_text}}</p>
</li>
</ul>
