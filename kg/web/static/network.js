// kg serve: clicking an edge of the network lists its interactions (kg's own code, no library).
(function () {
  "use strict";
  var svg = document.getElementById("network");
  if (!svg) { return; }
  var list = document.getElementById("edge-list");
  var hint = document.getElementById("edge-hint");

  function text(tag, content, cls) {
    var el = document.createElement(tag);
    el.textContent = content;
    if (cls) { el.className = cls; }
    return el;
  }

  function show(edge) {
    var chosen = svg.querySelectorAll(".edge.chosen");
    for (var i = 0; i < chosen.length; i++) { chosen[i].classList.remove("chosen"); }
    edge.classList.add("chosen");
    var query = svg.getAttribute("data-query");
    var url = "/api/network/edge?" + (query ? query + "&" : "") + "a=" + encodeURIComponent(edge.getAttribute("data-a")) +
      "&b=" + encodeURIComponent(edge.getAttribute("data-b"));
    fetch(url).then(function (answer) {
      if (!answer.ok) { throw new Error("the server answered " + answer.status); }
      return answer.json();
    }).then(function (data) {
      list.textContent = "";
      hint.textContent = data.a + " – " + data.b + ": " + data.interactions + " interaction(s), " +
        data.reports.length + " report(s)";
      var ul = document.createElement("ul");
      ul.id = "edge-reports";
      data.reports.forEach(function (r) {
        var li = document.createElement("li");
        var a = text("a", (r.day || "undated") + " " + r.type + (r.status === "planned" ? " (planned)" : ""));
        a.href = r.url;
        li.appendChild(a);
        li.appendChild(text("span", " " + r.people.join("; ") + " · " + r.article_id));
        ul.appendChild(li);
      });
      list.appendChild(ul);
    }).catch(function (error) {
      hint.textContent = "Cannot list this edge's interactions: " + error.message;
    });
  }

  svg.addEventListener("click", function (event) {
    var target = event.target;
    if (target && target.classList && target.classList.contains("edge")) { show(target); }
  });
}());
